using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeInfer.Contracts;

/// <summary>
/// The JSON settings of the edge API: the web defaults (camelCase, case-insensitive reads), and every <see cref="double"/>
/// that is NaN or ±∞ written as <c>null</c> (JSON has no number for them; a strict parser rejects the strings
/// <c>"NaN"</c>, <c>"Infinity"</c> that earlier servers wrote) and read back as NaN (the old strings are still read). The
/// server applies them to its HTTP JSON options and the client reads with <see cref="Options"/>, so both sides agree by
/// construction.
/// </summary>
public static class EdgeJson
{
    /// <summary>Read-only options for reading and writing the contract types.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the settings that differ from the web defaults to <paramref name="options"/> (the server's HTTP JSON options).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals; // reading float fields, if any
        if (!options.Converters.Any(c => c is FiniteOrNullConverter))
        {
            options.Converters.Add(new FiniteOrNullConverter());
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
