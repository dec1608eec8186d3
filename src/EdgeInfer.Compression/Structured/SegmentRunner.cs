using EdgeInfer.Compression.Calibration;
using EdgeInfer.Runtime.Execution;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// Runs a model forward in segments over a fixed set of images, keeping the activations at the frontier between what has
/// run and what has not: each <see cref="Advance"/> runs (with ONNX Runtime, on a temporary model of just the nodes
/// needed) only the nodes not run before, so the sequential reconstruction costs about one forward pass in all instead of
/// one per re-fitted layer, and each layer sees the weights its predecessors were given.
/// </summary>
internal sealed class SegmentRunner
{
    private readonly ModelProto model;
    private readonly Dictionary<string, Activation> frontier = new(StringComparer.Ordinal);
    private readonly HashSet<NodeProto> done = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, NodeProto> producers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NodeProto>> consumers = new(StringComparer.Ordinal);
    private readonly HashSet<string> initializerNames;
    private readonly int images;
    private readonly int? intraOpThreads;
    private readonly int batchSize;

    /// <summary>Starts before the first node, with <paramref name="calibration"/>'s images as the model's image input.</summary>
    public SegmentRunner(ModelProto model, CalibrationSet calibration, int batchSize, int? intraOpThreads)
    {
        this.model = model;
        this.intraOpThreads = intraOpThreads;
        this.batchSize = batchSize;
        images = calibration.Count;
        initializerNames = model.Graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var node in model.Graph.Node)
        {
            foreach (var output in node.Output)
            {
                producers[output] = node;
            }

            foreach (var input in node.Input.Where(i => i.Length > 0))
            {
                if (!consumers.TryGetValue(input, out var list))
                {
                    consumers[input] = list = [];
                }

                list.Add(node);
            }
        }

        var image = model.Graph.Input.Single(i => !initializerNames.Contains(i.Name)).Name;
        int[] shape = [calibration.Count, calibration.Channels, calibration.Height, calibration.Width];
        frontier[image] = new Activation(calibration.Images(0, calibration.Count).ToArray(), shape);
    }

    /// <summary>A tensor at the frontier: all images' values (batch first) and the shape.</summary>
    public sealed record Activation(float[] Data, int[] Shape)
    {
        /// <summary>Values per image.</summary>
        public int PerImage => Data.Length / Shape[0];
    }

    /// <summary>
    /// Runs every node not yet run that <paramref name="targets"/> need, and returns the targets' values for all images. The
    /// nodes run with the model's current initializers.
    /// </summary>
    public IReadOnlyDictionary<string, Activation> Advance(IReadOnlyCollection<string> targets)
    {
        var nodes = Needed(targets);
        if (nodes.Count > 0)
        {
            Run(nodes, targets);
        }

        Forget(targets);
        return targets.ToDictionary(t => t, t => frontier[t], StringComparer.Ordinal);
    }

    /// <summary>The frontier's values of <paramref name="tensor"/>, which a caller may change in place (a corrected layer's output).</summary>
    public Activation Peek(string tensor) => frontier[tensor];

    private List<NodeProto> Needed(IReadOnlyCollection<string> targets)
    {
        var needed = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<string>(targets);
        while (stack.Count > 0)
        {
            var tensor = stack.Pop();
            if (frontier.ContainsKey(tensor) || initializerNames.Contains(tensor) || !producers.TryGetValue(tensor, out var node))
            {
                continue;
            }

            if (done.Contains(node))
            {
                throw new InvalidOperationException($"Tensor '{tensor}' was computed before but is no longer kept.");
            }

            if (needed.Add(node))
            {
                foreach (var input in node.Input.Where(i => i.Length > 0))
                {
                    stack.Push(input);
                }
            }
        }

        return [.. model.Graph.Node.Where(needed.Contains)];
    }

    private void Run(List<NodeProto> nodes, IReadOnlyCollection<string> targets)
    {
        var produced = nodes.SelectMany(n => n.Output).Where(o => o.Length > 0).ToHashSet(StringComparer.Ordinal);
        var inputs = nodes.SelectMany(n => n.Input).Where(i => i.Length > 0 && frontier.ContainsKey(i)).Distinct().ToList();
        foreach (var node in nodes)
        {
            done.Add(node);
        }

        // Keep what later nodes (or the caller) still read: the new frontier.
        var outputs = produced.Where(o => targets.Contains(o) || consumers.GetValueOrDefault(o)?.Any(c => !done.Contains(c)) == true).ToList();
        var segment = Segment(nodes, inputs, outputs);
        var runtime = new RuntimeOptions { Role = RuntimeRole.Edge, IntraOpThreads = intraOpThreads }.Validated();
        using var options = OrtSessionOptions.Create(runtime);
        using var session = new InferenceSession(segment.ToByteArray(), options);
        var results = outputs.ToDictionary(o => o, _ => new List<float[]>(), StringComparer.Ordinal);
        var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var start = 0; start < images; start += batchSize)
        {
            var count = Math.Min(batchSize, images - start);
            var feeds = inputs.Select(i => NamedOnnxValue.CreateFromTensor(i, Slice(frontier[i], start, count))).ToList();
            using var run = session.Run(feeds, outputs);
            foreach (var value in run)
            {
                var tensor = value.AsTensor<float>();
                results[value.Name].Add(tensor.ToArray());
                shapes[value.Name] = tensor.Dimensions.ToArray();
            }
        }

        foreach (var name in outputs)
        {
            var shape = shapes[name];
            shape[0] = images;
            frontier[name] = new Activation([.. results[name].SelectMany(a => a)], shape);
        }
    }

    private ModelProto Segment(List<NodeProto> nodes, List<string> inputs, List<string> outputs)
    {
        var used = nodes.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        var graph = new GraphProto { Name = "segment" };
        graph.Node.AddRange(nodes);
        graph.Initializer.AddRange(model.Graph.Initializer.Where(t => used.Contains(t.Name)));
        foreach (var input in inputs)
        {
            graph.Input.Add(Info(input, frontier[input].Shape.Length));
        }

        foreach (var output in outputs)
        {
            graph.Output.Add(Info(output, null));
        }

        var segment = new ModelProto { IrVersion = model.IrVersion, Graph = graph };
        segment.OpsetImport.AddRange(model.OpsetImport);
        return segment;
    }

    private static ValueInfoProto Info(string name, int? rank)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float };
        if (rank is { } r)
        {
            tensor.Shape = new TensorShapeProto();
            for (var i = 0; i < r; i++)
            {
                tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = $"d{i}" });
            }
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }

    private static DenseTensor<float> Slice(Activation activation, int start, int count)
    {
        var shape = (int[])activation.Shape.Clone();
        shape[0] = count;
        var memory = activation.Data.AsMemory(start * activation.PerImage, count * activation.PerImage);
        return new DenseTensor<float>(memory, shape);
    }

    /// <summary>Drops frontier tensors that no node left to run reads (the targets stay until the next advance).</summary>
    private void Forget(IReadOnlyCollection<string> targets)
    {
        foreach (var name in frontier.Keys.ToList())
        {
            if (!targets.Contains(name) && consumers.GetValueOrDefault(name)?.Any(c => !done.Contains(c)) != true)
            {
                frontier.Remove(name);
            }
        }
    }
}
