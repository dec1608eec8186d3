using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeInfer.Pruning.Variants;

/// <summary>
/// Writes a <see cref="ModelVariant"/> as <c>{"model": …, "method": …, "pruningFactor": …}</c> (<c>method</c> null for
/// the full model) and reads that shape back; anything else is a <see cref="JsonException"/>, so a cached or stored
/// variant that no longer parses reads as missing, not as a wrong variant. Property names are camelCase whatever the
/// options say, and read in any case.
/// </summary>
internal sealed class ModelVariantJsonConverter : JsonConverter<ModelVariant>
{
    private static readonly PruningFactorJsonConverter Factor = new();
    private static readonly PruningMethodJsonConverter Method = new();

    public override ModelVariant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A model variant must be a JSON object.");
        }

        string? model = null;
        PruningMethod? method = null;
        var factor = PruningFactor.Zero;
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
                default:
                    reader.Skip();
                    break;
            }
        }

        if (string.IsNullOrEmpty(model))
        {
            throw new JsonException("A model variant needs a model name.");
        }

        return method is { } m ? ModelVariant.Pruned(model, m, factor)
            : factor.IsZero ? ModelVariant.Full(model)
            : throw new JsonException($"Model variant {model} has a pruning factor but no method.");
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
        writer.WriteEndObject();
    }
}
