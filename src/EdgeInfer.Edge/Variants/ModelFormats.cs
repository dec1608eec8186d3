using EdgeInfer.Core;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// The names of the <see cref="ModelFormat"/>s in <c>format=</c> query values (<c>onnx</c>, <c>wire</c>,
/// <c>sparse-onnx</c>), and their parsing.
/// </summary>
public static class ModelFormats
{
    /// <summary>Every format's name, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["onnx", "wire", "sparse-onnx"];

    /// <summary>The format's query name.</summary>
    public static string Name(this ModelFormat format) => Names[(int)format];

    /// <summary>Parses <c>format=</c> (any case); null or empty is <see cref="ModelFormat.Onnx"/>.</summary>
    /// <exception cref="EdgeInferInputException">An unknown format, named in the message (the server answers 400).</exception>
    public static ModelFormat Parse(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return ModelFormat.Onnx;
        }

        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], format, StringComparison.OrdinalIgnoreCase))
            {
                return (ModelFormat)i;
            }
        }

        throw new EdgeInferInputException($"format '{format}' is not one of {string.Join(", ", Names)}.");
    }
}
