using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeInfer.Contracts;

/// <summary>
/// Writes a <see cref="double"/> as a JSON number when finite and as <c>null</c> when NaN or ±∞ (JSON has no number for
/// them); reads a number, <c>null</c> (as NaN), or the named literals <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>
/// that servers before this converter wrote.
/// </summary>
internal sealed class FiniteOrNullConverter : JsonConverter<double>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDouble(),
        JsonTokenType.Null => double.NaN,
        JsonTokenType.String => reader.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new JsonException($"'{text}' is not a number."),
        },
        _ => throw new JsonException($"A number was expected, not {reader.TokenType}."),
    };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
