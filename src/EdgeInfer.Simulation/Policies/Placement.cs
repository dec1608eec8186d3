namespace EdgeInfer.Simulation.Policies;

/// <summary>
/// A decision: run at the edge (upload the input, infer there) or on the device (download the variant once, infer
/// locally for the rest of the model lifetime), with the variant at <see cref="Variant"/> (0 = the full model).
/// A pruned variant missing from the edge's store is pruned on demand; <see cref="Cache"/> false asks the store not to
/// keep it afterwards. <see cref="Prefetch"/> &gt; 0 asks the edge to prune that variant of the model in the background
/// (if it is neither stored nor being pruned) and keep it: a store decision no request waits for.
/// </summary>
public readonly record struct Placement(PlacementSite Site, int Variant, bool Cache = true, int Prefetch = 0)
{
    /// <summary>At the edge with the full model.</summary>
    public static Placement EdgeFull => new(PlacementSite.Edge, 0);

    /// <summary>On the device with the full model.</summary>
    public static Placement DeviceFull => new(PlacementSite.Device, 0);
}

/// <summary>Where a request runs.</summary>
public enum PlacementSite
{
    /// <summary>Offloaded to the edge server of the device's cell.</summary>
    Edge,

    /// <summary>On the device, after downloading the variant.</summary>
    Device,
}
