namespace EdgeInfer.Simulation.Scenarios;

/// <summary>Which variant the store drops when a new one does not fit.</summary>
public enum EvictionKind
{
    /// <summary>Least recently used.</summary>
    Lru,

    /// <summary>Least frequently used (requests since it entered; ties: least recently used).</summary>
    Lfu,

    /// <summary>A fixed set: the most popular variants that fit, loaded at the start; nothing else is ever kept.</summary>
    StaticTopK,

    /// <summary>
    /// Greedy knapsack on utility per byte, utility = requests seen × pruning time saved: the lowest-density residents
    /// are dropped, and only for a newcomer denser than all of them.
    /// </summary>
    UtilityPerByte,
}
