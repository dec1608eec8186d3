namespace EdgeInfer.Fuzz.Targets;

/// <summary>The fuzz targets, one per parser that reads untrusted or hand-edited bytes.</summary>
public static class FuzzTargets
{
    /// <summary>Every target, in the order of issue 14.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("wire", "WireCodec.Decode (.eiw)", WireTarget.Run),
        new("onnx", "OnnxModelFile.Load + ModelInspector.Inspect + OnnxMetadataProps.Read", OnnxTarget.Run),
        new("scenario", "CellScenarioJson.Parse (cell scenario file)", ScenarioTarget.Run),
        new("study-config", "StudyConfigJson.Parse (reproduce --config)", StudyConfigTarget.Run),
        new("idx", "IdxFormat.Read (IDX datasets, plain or gzip)", IdxTarget.Run),
        new("image", "ImageDecoder.TryDecode + ImagePreprocessor.Process", ImageTarget.Run),
        new("tensor-body", "InputDecoder.DecodeAsync (the edge's inference body)", TensorBodyTarget.Run),
    ];

    /// <summary>The target called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No target has that name (the message lists them).</exception>
    public static FuzzTarget Find(string name) =>
        All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"Unknown fuzz target '{name}'; the targets are {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));
}
