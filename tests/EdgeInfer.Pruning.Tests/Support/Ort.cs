using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Support;

/// <summary>Runs a model in ONNX Runtime (one thread, deterministic) on a seeded input and returns the first output.</summary>
internal static class Ort
{
    public static float[] Run(ModelProto model, int seed = 7) => Run(model.ToByteArray(), seed);

    public static float[] Run(byte[] model, int seed = 7)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        var input = session.InputMetadata.First();
        var shape = input.Value.Dimensions.Select(d => d < 0 ? 1 : d).ToArray();
        var random = new Random(seed);
        var data = new float[shape.Aggregate(1, (a, b) => a * b)];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)random.NextDouble();
        }

        var tensor = new DenseTensor<float>(data, shape);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(input.Key, tensor)]);
        return results.First().AsEnumerable<float>().ToArray();
    }

    public static int[] OutputShape(ModelProto model)
    {
        using var session = new InferenceSession(model.ToByteArray());
        return session.OutputMetadata.First().Value.Dimensions;
    }
}
