namespace EdgeInfer.Device.Loadgen;

/// <summary>One verdict of a soak or an overload test: what was checked, whether it held, and the numbers behind it.</summary>
/// <param name="Name">What is checked, with its target (<c>RSS drift after warm-up ≤ 5 %</c>).</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">The measured numbers.</param>
public sealed record SoakCheck(string Name, bool Passed, string Detail);
