namespace EdgeInfer.Simulation.Scenarios;

/// <summary>The store's contents at the start of a run.</summary>
public enum StorePreload
{
    /// <summary>Empty: every pruned variant is pruned on its first request.</summary>
    None,

    /// <summary>Pruned variants by decreasing popularity (model rank, then catalog order) while they fit.</summary>
    Popular,

    /// <summary>Every pruned variant ("prepruned"), whatever the capacity.</summary>
    All,
}
