namespace EdgeInfer.Core.Planning;

/// <summary>What the planner minimises among the feasible strategies.</summary>
public enum Objective
{
    /// <summary>Lifetime delay of Q requests.</summary>
    Latency,

    /// <summary>Lifetime device energy of Q requests (Eqs. 3 and 6).</summary>
    Energy,

    /// <summary>Bytes exchanged over the air in the model lifetime.</summary>
    Data,
}
