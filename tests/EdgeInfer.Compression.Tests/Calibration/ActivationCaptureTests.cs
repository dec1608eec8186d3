using EdgeInfer.Compression.Calibration;
using EdgeInfer.Core;
using EdgeInfer.Models.Building;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeInfer.Compression.Tests.Calibration;

public sealed class ActivationCaptureTests
{
    private static CalibrationSet Noise(int count, int seed = 3)
    {
        var random = new Random(seed);
        var pixels = new float[count * 3 * 224 * 224];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)random.NextDouble();
        }

        return new CalibrationSet("noise", 3, 224, 224, pixels);
    }

    [Fact]
    public void Run_CapturesAnIntermediateTensorAndTheOutputAsPlainOrtComputesThem()
    {
        var model = TinyNetwork.Build();
        var images = Noise(5);
        var batches = new List<CapturedBatch>();

        ActivationCapture.Run(model, ["residual", "logits"], images, batches.Add, batchSize: 2);

        Assert.Equal([0, 2, 4], batches.Select(b => b.Start));
        Assert.Equal([2, 2, 1], batches.Select(b => b.Count));
        Assert.Equal([2, 8, 56, 56], batches[0].Tensors["residual"].Shape);

        // The last image's logits, computed by a plain session of the unchanged model, match the captured ones exactly.
        using var session = new InferenceSession(model.ToByteArray());
        var input = new DenseTensor<float>(images.Images(4, 1).ToArray(), [1, 3, 224, 224]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        var expected = results[0].AsTensor<float>().ToArray();
        var captured = batches[2].Tensors["logits"].Data;
        Assert.Equal(expected.Length, captured.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], captured[i], 1e-5f);
        }
    }

    [Fact]
    public void Run_NoTensors_RunsNothingButStillChecksTheImages()
    {
        var calls = 0;
        ActivationCapture.Run(TinyNetwork.Build(), [], Noise(2), _ => calls++);
        Assert.Equal(0, calls);

        var small = new CalibrationSet("small", 3, 32, 32, new float[3 * 32 * 32]);
        Assert.Throws<EdgeInferInputException>(() => ActivationCapture.Run(TinyNetwork.Build(), [], small, _ => calls++));
    }

    [Fact]
    public void Run_UnknownTensor_IsAnInputErrorNamingIt()
    {
        var ex = Assert.Throws<EdgeInferInputException>(
            () => ActivationCapture.Run(TinyNetwork.Build(), ["nope"], Noise(1), _ => { }));
        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ImagesOfTheWrongSize_IsAnInputErrorNamingBothShapes()
    {
        var small = new CalibrationSet("small", 3, 32, 32, new float[3 * 32 * 32]);
        var ex = Assert.Throws<EdgeInferInputException>(() => ActivationCapture.Run(TinyNetwork.Build(), ["logits"], small, _ => { }));
        Assert.Contains("3×32×32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalibrationSet_LengthThatIsNotWholeImages_IsAnInputError() =>
        Assert.Throws<EdgeInferInputException>(() => new CalibrationSet("x", 3, 2, 2, new float[13]));
}
