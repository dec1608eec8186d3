using CsCheck;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Tests.Support;
using EdgeInfer.Pruning.Unstructured;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Unstructured;

public sealed class MagnitudePrunerTests
{
    private static readonly float[] Palette = [0f, -0f, 0.5f, -0.5f, 0.25f, 1e-30f, -1e-30f, 1f];

    [Fact]
    public void PruneInPlace_RandomTensorsWithTiesAndZeros_MatchesSortReferenceExactly()
    {
        var gen = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[1, 6], Gen.Double[0, 0.99], Gen.Bool, Gen.Bool, Gen.Int[1, 50]);
        gen.Sample(
            (seed, tensorCount, pf, global, floatData, chunkLength) =>
            {
                var (model, values) = MatMulChain(seed, tensorCount, floatData);
                var scope = global ? PruningScope.Global : PruningScope.Layer;
                var result = MagnitudePruner.Prune(model, new MagnitudePruningOptions(pf, scope), reuseBuffers: false, chunkLength);

                var expected = global ? NaivePruner.Prune(values, pf) : values.Select(v => NaivePruner.Prune([v], pf)[0]).ToList();
                var actual = model.Graph.Initializer.Select(NaivePruner.Values).ToList();
                for (var t = 0; t < values.Count; t++)
                {
                    Assert.Equal(expected[t], actual[t]);
                    Assert.Equal(floatData, model.Graph.Initializer[t].RawData.IsEmpty);
                }

                var zeros = actual.Sum(a => a.Count(v => v == 0f));
                Assert.Equal(zeros, result.ZeroWeights);
                var scopes = global ? [values.Sum(v => v.Length)] : values.Select(v => v.Length).ToArray();
                var requested = scopes.Sum(n => MagnitudePruningOptions.TargetZeros(pf, n));
                Assert.True(zeros >= requested, $"{zeros} zeros < {requested} requested");
            },
            iter: 300);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void PruneInPlace_DistinctWeights_AchievedSparsityWithinOneWeight(double pf)
    {
        foreach (var scope in new[] { PruningScope.Global, PruningScope.Layer })
        {
            var model = TestModels.ResNetLike();
            var result = MagnitudePruner.PruneInPlace(model, new MagnitudePruningOptions(pf, scope));
            var perScope = scope == PruningScope.Global ? 1 : result.PrunableTensors;
            Assert.InRange(result.ZeroWeights, (pf * result.PrunableWeights) - perScope, (pf * result.PrunableWeights) + perScope);
        }
    }

    [Fact]
    public void PruneInPlace_ZeroFactor_InitializerBytesIdentical()
    {
        var original = TestModels.ResNetLike();
        var pruned = original.Clone();
        var result = MagnitudePruner.PruneInPlace(pruned, new MagnitudePruningOptions(0));
        Assert.Equal(0, result.ZeroWeights);
        Assert.Equal(original.Graph.Initializer, pruned.Graph.Initializer);
        Assert.Equal(Ort.Run(original), Ort.Run(pruned));
    }

    [Fact]
    public void PruneInPlace_FloatDataAndRawData_SameValues()
    {
        var raw = TestModels.MobileNetLike(floatData: false);
        var floats = TestModels.MobileNetLike(floatData: true);
        MagnitudePruner.PruneInPlace(raw, new MagnitudePruningOptions(0.6));
        MagnitudePruner.PruneInPlace(floats, new MagnitudePruningOptions(0.6));
        Assert.All(floats.Graph.Initializer, t => Assert.True(t.RawData.IsEmpty));
        Assert.Equal(raw.Graph.Initializer.Select(NaivePruner.Values), floats.Graph.Initializer.Select(NaivePruner.Values));
        Assert.Equal(Ort.Run(raw), Ort.Run(floats));
    }

    [Fact]
    public void PruneInPlace_OnlyConvAndGemmWeights_BiasAndBatchNormUntouched()
    {
        var original = TestModels.ResNetLike();
        var pruned = original.Clone();
        MagnitudePruner.PruneInPlace(pruned, new MagnitudePruningOptions(0.9));
        var weights = pruned.Graph.Node.Where(n => n.OpType is "Conv" or "Gemm").Select(n => n.Input[1]).ToHashSet();
        for (var i = 0; i < original.Graph.Initializer.Count; i++)
        {
            var changed = !original.Graph.Initializer[i].Equals(pruned.Graph.Initializer[i]);
            Assert.Equal(weights.Contains(original.Graph.Initializer[i].Name), changed);
        }

        Assert.Equal(10, Ort.Run(pruned).Length);
    }

    [Fact]
    public void PruneInPlace_KeepFirstConvAndClassifier_ThoseStayDense()
    {
        var original = TestModels.ResNetLike();
        var pruned = original.Clone();
        var result = MagnitudePruner.PruneInPlace(
            pruned, new MagnitudePruningOptions(0.5, KeepFirstConvDense: true, KeepClassifierDense: true, MinimumTensorElements: 100));
        var first = pruned.Graph.Node.First(n => n.OpType == "Conv").Input[1];
        var classifier = pruned.Graph.Node.Last(n => n.OpType == "Gemm").Input[1];
        Assert.Equal(original.Graph.Initializer.Single(t => t.Name == first), pruned.Graph.Initializer.Single(t => t.Name == first));
        Assert.Equal(original.Graph.Initializer.Single(t => t.Name == classifier), pruned.Graph.Initializer.Single(t => t.Name == classifier));
        Assert.Equal(pruned.Graph.Node.Count(n => n.OpType == "Conv") - 1, result.PrunableTensors);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void PruneInPlace_FactorOutOfRange_Rejected(double pf)
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => MagnitudePruner.PruneInPlace(TestModels.ResNetLike(), new MagnitudePruningOptions(pf)));
        Assert.Contains("pruning factor", ex.Message);
    }

    private static (ModelProto Model, List<float[]> Values) MatMulChain(int seed, int tensorCount, bool floatData)
    {
        var random = new Random(seed);
        var g = new GraphBuilder(seed, floatData);
        var x = g.Input("input", 1, 4);
        var values = new List<float[]>();
        for (var t = 0; t < tensorCount; t++)
        {
            var rows = random.Next(1, 40);
            var data = new float[4 * rows];
            var mode = random.Next(3);
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = mode switch
                {
                    0 => Palette[random.Next(Palette.Length)],
                    1 => (float)random.NextDouble() - 0.5f,
                    _ => random.Next(2) == 0 ? Palette[random.Next(Palette.Length)] : (float)((random.NextDouble() * 6) - 3),
                };
            }

            values.Add(data);
            x = g.Node("MatMul", [x, g.Initializer(data, [4, rows])]);
            x = g.Node("ReduceSum", [x]);
        }

        return (g.Build(1, 1), values);
    }
}
