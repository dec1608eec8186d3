using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeInfer.Pruning.Variants;

/// <summary>Writes a <see cref="PruningFactor"/> as a JSON number (<c>0.7</c>) and reads one back, rejecting anything that is not a pf.</summary>
internal sealed class PruningFactorJsonConverter : JsonConverter<PruningFactor>
{
    public override PruningFactor Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
        {
            throw new JsonException($"A pruning factor must be a number, got {reader.TokenType}.");
        }

        return PruningFactor.TryOf(value, out var factor) ? factor : throw new JsonException($"Pruning factor {PruningFactor.Problem(value)}.");
    }

    public override void Write(Utf8JsonWriter writer, PruningFactor value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
