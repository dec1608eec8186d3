namespace EdgeInfer.Compression.Structured;

/// <summary>
/// The output positions of a Conv sampled on one image: the same positions in the original network (targets) and in the
/// pruned one (inputs), because they depend only on the seed, the Conv's index and the image's index.
/// </summary>
internal static class PositionSampler
{
    /// <summary>Positions per image so that about <paramref name="rows"/> rows come from <paramref name="images"/> images (≤ all).</summary>
    public static int PerImage(int rows, int images, int positions) => Math.Clamp((rows + images - 1) / Math.Max(images, 1), 1, positions);

    /// <summary><paramref name="count"/> distinct flat positions (y·W + x) out of <paramref name="positions"/>, ascending.</summary>
    public static int[] Sample(int seed, int conv, int image, int positions, int count)
    {
        if (count >= positions)
        {
            return [.. Enumerable.Range(0, positions)];
        }

        // A fixed mix, not HashCode (randomised per process): same inputs, same positions, on every run.
        var random = new Random(unchecked((seed * 1_000_003) + (conv * 7_919) + (image * 104_729)));
        var pool = Enumerable.Range(0, positions).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, positions);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var chosen = pool[..count];
        Array.Sort(chosen);
        return chosen;
    }
}
