using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeInfer.Core;

namespace EdgeInfer.Pruning.Variants;

/// <summary>
/// Writes a <see cref="ModelVariant"/> as <c>{"model": …, "method": …, "pruningFactor": …}</c> (<c>method</c> null when
/// nothing is pruned), with <c>"macsBudget"</c> and <c>"precision": "int8"</c> only when they apply, and reads that
/// shape back; anything else is a <see cref="JsonException"/>, so a cached or stored
/// variant that no longer parses reads as missing, not as a wrong variant. Property names are camelCase whatever the
/// options say, and read in any case.
/// </summary>
internal sealed class ModelVariantJsonConverter : JsonConverter<ModelVariant>
{
    private static readonly PruningFactorJsonConverter Factor = new();
    private static readonly PruningMethodJsonConverter Method = new();
    private static readonly MacsBudgetJsonConverter BudgetConverter = new();

    public override ModelVariant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A model variant must be a JSON object.");
        }

        string? model = null;
        PruningMethod? method = null;
        var factor = PruningFactor.Zero;
        MacsBudget? budget = null;
        var precision = Precision.Float32;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name?.ToLowerInvariant())
            {
                case "model":
                    model = reader.TokenType == JsonTokenType.String
                        ? reader.GetString()
                        : throw new JsonException("A variant's model must be a string.");
                    break;
                case "method":
                    method = reader.TokenType == JsonTokenType.Null ? null : Method.Read(ref reader, typeof(PruningMethod), options);
                    break;
                case "pruningfactor":
                    factor = Factor.Read(ref reader, typeof(PruningFactor), options);
                    break;
                case "macsbudget":
                    budget = reader.TokenType == JsonTokenType.Null ? null : BudgetConverter.Read(ref reader, typeof(MacsBudget), options);
                    break;
                case "precision":
                    precision = ReadPrecision(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (string.IsNullOrEmpty(model))
        {
            throw new JsonException("A model variant needs a model name.");
        }

        return Variant(model, method, factor, budget).WithPrecision(precision);
    }

    public override void Write(Utf8JsonWriter writer, ModelVariant value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("model", value.Model);
        writer.WritePropertyName("method");
        if (value.Method is { } method)
        {
            Method.Write(writer, method, options);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName("pruningFactor");
        Factor.Write(writer, value.Factor, options);
        if (value.Budget is { } budget)
        {
            writer.WritePropertyName("macsBudget");
            BudgetConverter.Write(writer, budget, options);
        }

        if (value.IsQuantized)
        {
            writer.WriteString("precision", ModelVariant.Int8Name);
        }

        writer.WriteEndObject();
    }

    private static ModelVariant Variant(string model, PruningMethod? method, PruningFactor factor, MacsBudget? budget)
    {
        try
        {
            return (method, budget) switch
            {
                ({ } m, { } b) when factor.IsZero => ModelVariant.Budgeted(model, m, b),
                ({ } m, null) => ModelVariant.Pruned(model, m, factor),
                (null, null) when factor.IsZero => ModelVariant.Full(model),
                _ => throw new JsonException($"Model variant {model} has a pruning factor or budget that does not fit its method."),
            };
        }
        catch (EdgeInferInputException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    private static Precision ReadPrecision(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text switch
        {
            ModelVariant.Int8Name => Precision.Int8,
            "float32" => Precision.Float32,
            _ => throw new JsonException($"A variant's precision must be \"int8\" or \"float32\", got {reader.TokenType} {text}."),
        };
    }
}
