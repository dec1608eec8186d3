namespace EdgeInfer.Compression.Structured;

/// <summary>A ridge least-squares fit of several outputs.</summary>
/// <param name="Weights">W [outputs × columns], row-major.</param>
/// <param name="Bias">b [outputs].</param>
/// <param name="RelativeError">Weighted residual energy over the centred target energy on the fitted samples, in [0, 1].</param>
internal sealed record RidgeFit(double[] Weights, double[] Bias, double RelativeError);
