using EdgeInfer.Compression.Graph;
using EdgeInfer.Compression.Tests.Support;
using EdgeInfer.Models;
using EdgeInfer.Models.Building;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EdgeInfer.Compression.Tests.Graph;

public sealed class BatchNormFoldingTests
{
    /// <summary>TinyNetwork with BatchNorm statistics far from identity, so that folding has something to get wrong.</summary>
    private static ModelProto TinyWithStatistics(int seed = 7)
    {
        var model = TinyNetwork.Build();
        var random = new Random(seed);
        foreach (var t in model.Graph.Initializer.Where(t => t.Name.Contains("bn.", StringComparison.Ordinal)))
        {
            var n = (int)TensorData.ElementCount(t);
            var values = t.Name switch
            {
                var s when s.EndsWith(".weight", StringComparison.Ordinal) => TestGraphs.Uniform(random, n, 0.5, 2),
                var s when s.EndsWith(".bias", StringComparison.Ordinal) => TestGraphs.Uniform(random, n, -1, 1),
                var s when s.EndsWith(".running_mean", StringComparison.Ordinal) => TestGraphs.Uniform(random, n, -0.5, 0.5),
                _ => TestGraphs.Uniform(random, n, 0.2, 3),
            };
            TensorData.WriteFloats(t, values);
        }

        return model;
    }

    [Fact]
    public void FoldInPlace_TinyNetworkWithStatistics_RemovesEveryBnAndMatchesTheUnfoldedModelWithin1e4()
    {
        var original = TinyWithStatistics();
        var folded = original.Clone();
        var input = TestGraphs.Uniform(new Random(1), 2 * 3 * 224 * 224, 0, 1);

        var count = BatchNormFolding.FoldInPlace(folded);

        Assert.Equal(3, count);
        Assert.DoesNotContain(folded.Graph.Node, n => n.OpType == "BatchNormalization");
        Assert.DoesNotContain(folded.Graph.Initializer, t => t.Name.Contains("running_mean", StringComparison.Ordinal));
        // The reference runs without ORT's own Conv+BN fusion, so it really computes BN(Conv(x)).
        var expected = TestGraphs.Run(original, input, [2, 3, 224, 224], GraphOptimizationLevel.ORT_DISABLE_ALL);
        var actual = TestGraphs.Run(folded, input, [2, 3, 224, 224], GraphOptimizationLevel.ORT_DISABLE_ALL);
        Assert.True(TestGraphs.RelativeError(expected, actual) <= 1e-4, $"relative error {TestGraphs.RelativeError(expected, actual):g3}");
    }

    [Fact]
    public void FoldInPlace_ConvWithBias_FoldsIntoTheExistingBiasByHand()
    {
        // y = BN(Conv(x)) on a 1×1 conv with 2 output channels: W = [2, 3], b = [1, −1]; γ = [2, 1], β = [0.5, 0], μ = [1, 0], σ² = [3, 0.25 − ε].
        var graph = TestGraphs.Graph("bias", TestGraphs.Info("x", null, 1, 1, 1), TestGraphs.Info("y", null, 2, 1, 1));
        TestGraphs.Node(graph, "Conv", ["x", TestGraphs.Initializer(graph, "w", [2, 1, 1, 1], [2, 3]), TestGraphs.Initializer(graph, "b", [2], [1, -1])], "c");
        const float eps = 1e-5f;
        TestGraphs.Node(graph, "BatchNormalization", [
            "c",
            TestGraphs.Initializer(graph, "g", [2], [2, 1]),
            TestGraphs.Initializer(graph, "beta", [2], [0.5f, 0]),
            TestGraphs.Initializer(graph, "mu", [2], [1, 0]),
            TestGraphs.Initializer(graph, "var", [2], [3 - eps, 0.25f - eps]),
        ], "y", TestGraphs.Float("epsilon", eps));
        var model = TestGraphs.Model(graph);

        Assert.Equal(1, BatchNormFolding.FoldInPlace(model));

        // s = γ/√(σ²+ε) = [2/√3, 2]; W′ = [4/√3, 6]; b′ = s·(b − μ) + β = [0.5, −2].
        var w = TensorData.ReadFloats(model.Graph.Initializer.Single(t => t.Name == "w"));
        var b = TensorData.ReadFloats(model.Graph.Initializer.Single(t => t.Name == "b"));
        Assert.Equal(4 / Math.Sqrt(3), w[0], 1e-5);
        Assert.Equal(6, w[1], 1e-5);
        Assert.Equal(0.5, b[0], 1e-5);
        Assert.Equal(-2, b[1], 1e-5);
        Assert.Equal("y", Assert.Single(model.Graph.Node).Output[0]);
    }

    [Fact]
    public void FoldInPlace_BnAfterSomethingElseOrOnASharedConvOutput_IsLeftAlone()
    {
        // x → Relu → BN (no Conv before it) and x → Conv → {BN, graph output} (the conv's output is read twice).
        var graph = TestGraphs.Graph("left", TestGraphs.Info("x", null, 1, 2, 2), TestGraphs.Info("y1", null, 1, 2, 2));
        graph.Output.Add(TestGraphs.Info("y2", null, 1, 2, 2));
        graph.Output.Add(TestGraphs.Info("c", null, 1, 2, 2));
        string[] stats = [
            TestGraphs.Initializer(graph, "g", [1], [2]), TestGraphs.Initializer(graph, "beta", [1], [0]),
            TestGraphs.Initializer(graph, "mu", [1], [0]), TestGraphs.Initializer(graph, "var", [1], [1]),
        ];
        TestGraphs.Node(graph, "Relu", ["x"], "r");
        TestGraphs.Node(graph, "BatchNormalization", ["r", .. stats], "y1");
        TestGraphs.Node(graph, "Conv", ["x", TestGraphs.Initializer(graph, "w", [1, 1, 1, 1], [3])], "c");
        TestGraphs.Node(graph, "BatchNormalization", ["c", .. stats], "y2");
        var model = TestGraphs.Model(graph);
        var before = model.Clone();

        Assert.Equal(0, BatchNormFolding.FoldInPlace(model));
        Assert.Equal(before, model);
    }
}
