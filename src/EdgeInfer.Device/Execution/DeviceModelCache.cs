namespace EdgeInfer.Device.Execution;

/// <summary>
/// Models downloaded to the device, each with the ETag it was served with (<c>&lt;root&gt;/&lt;model&gt;/&lt;variant&gt;.&lt;format&gt;</c>
/// and <c>.etag</c>), so a later run asks <c>If-None-Match</c> and a 304 skips the transfer; decoded wire files sit next to
/// them as <c>&lt;variant&gt;.decoded.onnx</c>.
/// </summary>
public sealed class DeviceModelCache(string root)
{
    /// <summary>Default folder: <c>.edgeinfer/device-cache</c> under the current directory.</summary>
    public static string DefaultRoot => Path.GetFullPath(Path.Combine(".edgeinfer", "device-cache"));

    /// <summary>The cache folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Path of a downloaded file.</summary>
    public string PathOf(string model, string variant, string format) =>
        Path.Combine(Root, Safe(model), Safe(variant) + (format == "wire" ? ".eiw" : format == "sparse-onnx" ? ".sparse.onnx" : ".onnx"));

    /// <summary>Path of the ONNX decoded from a wire file.</summary>
    public string DecodedPathOf(string model, string variant) => Path.Combine(Root, Safe(model), Safe(variant) + ".decoded.onnx");

    /// <summary>The stored ETag of a downloaded file, or null.</summary>
    public static string? ETagOf(string path) => File.Exists(path) && File.Exists(path + ".etag") ? File.ReadAllText(path + ".etag") : null;

    /// <summary>Records the ETag of a downloaded file.</summary>
    public static void SetETag(string path, string? etag)
    {
        if (etag is null)
        {
            File.Delete(path + ".etag");
        }
        else
        {
            File.WriteAllText(path + ".etag", etag);
        }
    }

    /// <summary>A runnable ONNX file of the variant already on the device (decoded or plain), or null.</summary>
    public string? RunnableOf(string model, string variant)
    {
        var decoded = DecodedPathOf(model, variant);
        if (File.Exists(decoded))
        {
            return decoded;
        }

        var onnx = PathOf(model, variant, "onnx");
        if (File.Exists(onnx))
        {
            return onnx;
        }

        var sparse = PathOf(model, variant, "sparse-onnx");
        return File.Exists(sparse) ? sparse : null;
    }

    private static string Safe(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') && !name.Contains("..", StringComparison.Ordinal)
            ? name
            : throw new Core.EdgeInferInputException($"'{name}' is not a safe model or variant name.");
}
