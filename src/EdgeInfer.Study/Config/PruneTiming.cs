namespace EdgeInfer.Study.Config;

/// <summary>
/// How the study obtains the edge's pruning time T_pr (config <c>pruneTiming</c>). A <c>channel-ls</c> build of ResNet-152
/// or DenseNet-201 takes minutes, so timing it at every edge load and pruning factor would take hours; a data-free build
/// takes about a second, so it is timed everywhere.
/// </summary>
public enum PruneTiming
{
    /// <summary><see cref="Derived"/> for <c>channel-ls</c> (data-aware, minutes per big network), <see cref="Measured"/> otherwise. The default.</summary>
    Auto,

    /// <summary>Timed at every edge load (<c>pruneSamples</c> builds each) and at every pruning factor at L = 0.</summary>
    Measured,

    /// <summary>
    /// Timed at L = 0 only (one build); at L &gt; 0, T_pr(L) = T_pr(0) · T_edge,full(L) / T_edge,full(0), the same model's
    /// measured edge slowdown (both are CPU-bound work sharing the edge's cores); the pf check is not run. Reported as derived.
    /// </summary>
    Derived,
}
