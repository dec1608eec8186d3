namespace EdgeInfer.Cli.Commands;

/// <summary>Where models live until the shared model repository API is merged: <c>&lt;repo&gt;/&lt;name&gt;/full/model.onnx</c>.</summary>
internal static class ModelStore
{
    public static string Root(string? repository) => repository ?? Path.Combine(Environment.CurrentDirectory, ".edgeinfer", "models");

    public static string ClassifierPath(string? repository, string name) => Path.Combine(Root(repository), name, "full", "model.onnx");
}
