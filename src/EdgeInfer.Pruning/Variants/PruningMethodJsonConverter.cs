using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeInfer.Pruning.Variants;

/// <summary>Writes a <see cref="PruningMethod"/> as its name (<c>"global"</c>) and reads a name back (any case).</summary>
internal sealed class PruningMethodJsonConverter : JsonConverter<PruningMethod>
{
    public override PruningMethod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PruningMethods.TryParse(reader.GetString(), out var method)
            ? method
            : throw new JsonException($"A pruning method must be one of {string.Join(", ", PruningMethods.Names)}.");

    public override void Write(Utf8JsonWriter writer, PruningMethod value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name());
}
