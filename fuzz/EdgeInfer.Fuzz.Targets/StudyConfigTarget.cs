using System.Text;
using EdgeInfer.Core;
using EdgeInfer.Study.Config;

namespace EdgeInfer.Fuzz.Targets;

/// <summary>
/// The study config of <c>reproduce --config</c>, parsed over the quick preset and validated as the command does.
/// Contract: any problem is an <see cref="EdgeInferInputException"/>.
/// </summary>
public static class StudyConfigTarget
{
    /// <summary>Parses <paramref name="input"/> (UTF-8) as a study config.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            StudyConfigJson.Parse(Encoding.UTF8.GetString(input), StudyPresets.Quick).Validated();
        }
        catch (EdgeInferInputException)
        {
        }
    }
}
