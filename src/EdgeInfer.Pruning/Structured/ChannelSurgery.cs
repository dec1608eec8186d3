using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// Removes channels of <see cref="ChannelGroup"/>s from a model: slices every listed initializer at its axis and offset,
/// sets each depthwise Conv's <c>group</c> to its new channel count and drops the stale <c>value_info</c> shape hints
/// (ONNX Runtime infers them again). Graph inputs and outputs keep their shapes.
/// </summary>
public static class ChannelSurgery
{
    /// <summary>
    /// Keeps, in each listed group, only the channels in its keep array; groups not listed, and groups whose keep array
    /// holds every channel, are left as they are. The model changes in place.
    /// </summary>
    /// <param name="model">
    /// The model the groups were found on by <see cref="ChannelDependencyGraph.Find"/>, or an unchanged copy of it:
    /// tensors and nodes are resolved by name. To prune again, find the groups again on the pruned model.
    /// </param>
    /// <param name="kept">Each group at most once with its kept channel indices: ascending, distinct, in [0, Channels), at least one.</param>
    /// <exception cref="ArgumentException">
    /// A keep array is empty, unsorted or out of range; a group is listed twice or overlaps another; or the model does not
    /// have the tensors and dims the groups were found with.
    /// </exception>
    public static void Apply(ModelProto model, IReadOnlyList<(ChannelGroup Group, int[] Keep)> kept)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(kept);
        var graph = model.Graph ?? throw new ArgumentException("The model has no graph.", nameof(model));
        var initializers = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var t in graph.Initializer)
        {
            initializers.TryAdd(t.Name, t);
        }

        var removals = new Dictionary<(string Tensor, int Axis), List<int>>();
        var depthwise = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, keep) in kept)
        {
            ArgumentNullException.ThrowIfNull(group, nameof(kept));
            CheckKeep(group, keep);
            if (!ids.Add(group.Id))
            {
                throw new ArgumentException($"Channel group '{group.Id}' is listed twice.", nameof(kept));
            }

            if (keep.Length == group.Channels)
            {
                continue;
            }

            var removed = Enumerable.Range(0, group.Channels).Except(keep).ToArray();
            foreach (var slice in group.Slices)
            {
                var tensor = Resolve(initializers, group, slice);
                if (!removals.TryGetValue((tensor.Name, slice.Axis), out var list))
                {
                    removals[(tensor.Name, slice.Axis)] = list = [];
                }

                list.AddRange(removed.Select(c => slice.Offset + c));
            }

            depthwise.UnionWith(group.Depthwise.Select(n => n.Output[0]));
        }

        if (removals.Count == 0)
        {
            return;
        }

        foreach (var ((name, axis), removed) in removals)
        {
            Slice(initializers[name], axis, removed);
        }

        foreach (var node in graph.Node.Where(n => n.OpType == "Conv" && n.Output.Count > 0 && depthwise.Contains(n.Output[0])))
        {
            node.Attribute.Single(a => a.Name == "group").I = initializers[node.Input[1]].Dims[0];
        }

        graph.ValueInfo.Clear();
    }

    private static void CheckKeep(ChannelGroup group, int[] keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var ascending = keep.Length >= 1 && keep[0] >= 0 && keep[^1] < group.Channels;
        for (var i = 1; ascending && i < keep.Length; i++)
        {
            ascending = keep[i] > keep[i - 1];
        }

        if (!ascending)
        {
            throw new ArgumentException(
                $"The kept channels of group '{group.Id}' must be at least one ascending, distinct index in [0, {group.Channels}).", nameof(keep));
        }
    }

    private static TensorProto Resolve(Dictionary<string, TensorProto> initializers, ChannelGroup group, ChannelSlice slice)
    {
        if (!initializers.TryGetValue(slice.Tensor.Name, out var tensor) || tensor.Dims.Count <= slice.Axis
            || tensor.Dims[slice.Axis] < slice.Offset + group.Channels)
        {
            throw new ArgumentException(
                $"Channel group '{group.Id}' slices '{slice.Tensor.Name}' along axis {slice.Axis} from {slice.Offset}, which this model does not have; "
                + "find the groups again on the model being pruned.",
                nameof(slice));
        }

        return tensor;
    }

    private static void Slice(TensorProto tensor, int axis, List<int> removed)
    {
        var extent = checked((int)tensor.Dims[axis]);
        var gone = new bool[extent];
        foreach (var index in removed)
        {
            if (gone[index])
            {
                throw new ArgumentException(
                    $"Two channel groups remove index {index} of '{tensor.Name}' along axis {axis}: groups must be disjoint.", nameof(removed));
            }

            gone[index] = true;
        }

        TensorSlicer.Slice(tensor, axis, [.. Enumerable.Range(0, extent).Where(i => !gone[i])]);
    }
}
