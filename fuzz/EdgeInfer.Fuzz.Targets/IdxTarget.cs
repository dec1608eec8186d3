using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;

namespace EdgeInfer.Fuzz.Targets;

/// <summary>
/// The IDX reader of the datasets, plain or gzip. Contract: any problem is an <see cref="EdgeInferInputException"/>, and
/// an array it returns holds exactly the product of its dimensions (computed here without overflow; a mismatch is a finding).
/// </summary>
public static class IdxTarget
{
    /// <summary>Reads <paramref name="input"/> as an IDX file.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            using var stream = new MemoryStream(input.ToArray(), writable: false);
            var array = IdxFormat.Read(stream, "fuzz.idx");
            var product = array.Dimensions.Aggregate((Int128)1, (p, d) => p * d);
            if (product != array.Data.LongLength)
            {
                throw new InvalidOperationException($"IDX dimensions [{string.Join(",", array.Dimensions)}] accepted for {array.Data.Length} bytes.");
            }
        }
        catch (EdgeInferInputException)
        {
        }
    }
}
