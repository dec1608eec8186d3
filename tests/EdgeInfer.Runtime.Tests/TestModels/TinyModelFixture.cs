namespace EdgeInfer.Runtime.Tests.TestModels;

/// <summary>Writes <see cref="TinyModel"/> once per test class into a temporary folder, removed afterwards.</summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModelFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("edgeinfer-runtime-tests-").FullName;
        ModelPath = Path.Combine(Directory, "tiny.onnx");
        TinyModel.Write(ModelPath);
    }

    public string Directory { get; }

    public string ModelPath { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
