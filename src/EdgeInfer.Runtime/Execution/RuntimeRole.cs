namespace EdgeInfer.Runtime.Execution;

/// <summary>Where an inference runs in the paper's system, which decides the default thread budget.</summary>
public enum RuntimeRole
{
    /// <summary>The mobile device: one intra-op thread by default (the paper's device has one physical core).</summary>
    Device,

    /// <summary>The edge server: every core of this machine by default.</summary>
    Edge,
}
