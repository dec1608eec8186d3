using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeInfer.Pruning.Variants;

/// <summary>Writes a <see cref="MacsBudget"/> as a JSON number (<c>0.5</c>) and reads one back, rejecting anything else.</summary>
internal sealed class MacsBudgetJsonConverter : JsonConverter<MacsBudget>
{
    public override MacsBudget Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
        {
            throw new JsonException($"A MACs budget must be a number, got {reader.TokenType}.");
        }

        return MacsBudget.TryOf(value, out var budget) ? budget : throw new JsonException($"MACs budget {value} is not in {MacsBudget.RangeText} at 0.01.");
    }

    public override void Write(Utf8JsonWriter writer, MacsBudget value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.KeptFraction);
}
