using EdgeInfer.Models.Building;
using EdgeInfer.Models.Catalog;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Models.Tests.Building;

public sealed class WeightGeneratorTests
{
    [Fact]
    public void Build_SameSeed_GivesByteIdenticalFiles()
    {
        var a = ModelCatalog.Find("mobilenet").Build(7).ToByteArray();
        var b = ModelCatalog.Find("mobilenet").Build(7).ToByteArray();

        Assert.Equal(a.Length, b.Length);
        Assert.True(a.AsSpan().SequenceEqual(b), "same seed must give the same bytes");
    }

    [Fact]
    public void Build_DifferentSeed_GivesDifferentWeights()
    {
        var a = ModelCatalog.Find("mobilenet").Build(7).ToByteArray();
        var b = ModelCatalog.Find("mobilenet").Build(8).ToByteArray();

        Assert.False(a.AsSpan().SequenceEqual(b));
    }

    [Fact]
    public void Build_MobileNet_ConvWeightsAreHeNormalAndBatchNormIsIdentity()
    {
        var graph = ModelCatalog.Find("mobilenet").Build(ModelCatalog.DefaultSeed).Graph;

        // Last pointwise conv: 1024·1024 weights, fan-in 1024, so std = sqrt(2/1024) ≈ 0.0442.
        var w = TensorData.ReadFloats(graph.Initializer.Single(t => t.Name == "features.13.pw.weight"));
        var mean = w.Average(v => (double)v);
        var std = Math.Sqrt(w.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, -0.001, 0.001);
        Assert.InRange(std, Math.Sqrt(2.0 / 1024) * 0.99, Math.Sqrt(2.0 / 1024) * 1.01);

        Assert.All(TensorData.ReadFloats(graph.Initializer.Single(t => t.Name == "features.13.pw_bn.weight")), v => Assert.Equal(1f, v));
        Assert.All(TensorData.ReadFloats(graph.Initializer.Single(t => t.Name == "features.13.pw_bn.bias")), v => Assert.Equal(0f, v));
        Assert.All(TensorData.ReadFloats(graph.Initializer.Single(t => t.Name == "features.13.pw_bn.running_mean")), v => Assert.Equal(0f, v));
        Assert.All(TensorData.ReadFloats(graph.Initializer.Single(t => t.Name == "features.13.pw_bn.running_var")), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void FillNormal_ManySamples_MatchesStandardNormalMoments()
    {
        var values = new float[1 << 20];
        var rng = new Xoshiro256StarStar(123);
        WeightGenerator.FillNormal(values, 1f, ref rng);

        var mean = values.Average(v => (double)v);
        var variance = values.Average(v => (v - mean) * (v - mean));
        var beyond2Sigma = values.Count(v => Math.Abs(v) > 2) / (double)values.Length;

        // Standard errors at n = 2^20: mean ~0.001, variance ~0.0014; P(|z| > 2) = 0.0455.
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(variance, 0.993, 1.007);
        Assert.InRange(beyond2Sigma, 0.0445, 0.0465);
        Assert.All(values, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void FillNormal_VectorAndScalar_SameUniformsGiveSameNormals()
    {
        // Both consume one 64-bit draw per pair; the vector form writes 8 cosines then 8 sines per block of 16.
        var vector = new float[16 * 1000];
        var scalar = new float[16 * 1000];
        var a = new Xoshiro256StarStar(5);
        var b = new Xoshiro256StarStar(5);
        WeightGenerator.FillNormal(vector, 0.5f, ref a);
        WeightGenerator.FillNormalScalar(scalar, 0.5f, ref b);

        for (var block = 0; block < 1000; block++)
        {
            for (var k = 0; k < 8; k++)
            {
                var cos = scalar[(block * 16) + (2 * k)];
                var sin = scalar[(block * 16) + (2 * k) + 1];
                Assert.Equal(cos, vector[(block * 16) + k], 1e-5f);
                Assert.Equal(sin, vector[(block * 16) + 8 + k], 1e-5f);
            }
        }
    }

    [Fact]
    public void Build_MobileNet_WeightsAreRawDataAndLabelledUntrained()
    {
        var model = ModelCatalog.Find("mobilenet").Build(1);

        Assert.All(model.Graph.Initializer, t => Assert.Equal(TensorData.ElementCount(t) * 4, t.RawData.Length));
        Assert.All(model.Graph.Initializer, t => Assert.Empty(t.FloatData));
        Assert.Contains(model.MetadataProps, p => p.Key == ModelSpecs.TrainedKey && p.Value == "false");
        Assert.Equal(NetworkBuilder.Opset, model.OpsetImport.Single().Version);
        Assert.Equal((int)TensorProto.Types.DataType.Float, model.Graph.Input.Single().Type.TensorType.ElemType);
        Assert.Empty(EdgeInfer.Models.Inspection.ModelValidator.Validate(model));
    }
}
