using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace EdgeInfer.Study.Measurement;

/// <summary>
/// Identifies one cached measurement: what (kind), of which model variant, in which role, under which load, with which
/// settings, on which machine. Two runs reuse a measurement only when every part is equal.
/// </summary>
/// <param name="Kind"><c>variant</c>, <c>inference</c>, <c>prune</c> or <c>accuracy</c>.</param>
/// <param name="Model">Model name.</param>
/// <param name="Variant">Variant name (<c>full</c>, <c>channel-0.7</c>, …).</param>
/// <param name="Role"><c>device</c>, <c>edge</c> or <c>-</c>.</param>
/// <param name="Load">Background tasks during the measurement.</param>
/// <param name="Settings">Every setting that changes the value (samples, threads, load model, …) as one canonical string.</param>
/// <param name="Machine">The machine description as one canonical string.</param>
public sealed record MeasurementKey(string Kind, string Model, string Variant, string Role, int Load, string Settings, string Machine)
{
    /// <summary>A file name that is unique for the key: readable parts plus a hash of the whole key.</summary>
    public string FileName
    {
        get
        {
            var hash = XxHash3.HashToUInt64(
                Encoding.UTF8.GetBytes(string.Join('\n', Kind, Model, Variant, Role, Load.ToString(CultureInfo.InvariantCulture), Settings, Machine)));
            return string.Create(CultureInfo.InvariantCulture, $"{Safe(Kind)}-{Safe(Model)}-{Safe(Variant)}-{Safe(Role)}-L{Load}-{hash:x16}.json");
        }
    }

    private static string Safe(string part) => new(part.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray());
}
