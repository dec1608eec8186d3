namespace EdgeInfer.Models.Building;

/// <summary>How a builder's initializer is filled.</summary>
internal enum WeightInit
{
    /// <summary>All zeros (BatchNorm bias and running mean, linear bias).</summary>
    Zeros,

    /// <summary>All ones (BatchNorm scale and running variance).</summary>
    Ones,

    /// <summary>He-normal: N(0, 2 / fanIn) (He et al. 2015, "fan in" mode).</summary>
    HeNormal,
}
