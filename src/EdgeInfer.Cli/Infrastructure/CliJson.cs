using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>The one JSON style of the CLI: camelCase keys, enums as strings, indented.</summary>
public static class CliJson
{
    /// <summary>Options used for every <c>--json</c> output.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <paramref name="value"/> as one JSON object followed by a newline.</summary>
    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));
}
