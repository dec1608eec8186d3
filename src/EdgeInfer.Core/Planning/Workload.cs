using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Planning;

/// <summary>The requests one device makes during the model lifetime and the message sizes (1 kB = 1000 B).</summary>
public sealed record Workload
{
    /// <summary>Largest accepted Q (keeps byte counts far from overflow).</summary>
    public const long MaxRequests = 1_000_000_000_000;

    /// <summary>Q, inference requests served by one model before it is retrained; 1 ≤ Q ≤ 10^12. Default 50.</summary>
    public long Requests { get; init; } = 50;

    /// <summary>Input size l_input. Default 300 kB (paper).</summary>
    public Bytes InputSize { get; init; } = Bytes.FromKilobytes(300);

    /// <summary>Result size l_res. Default 2 kB (paper).</summary>
    public Bytes ResultSize { get; init; } = Bytes.FromKilobytes(2);

    /// <summary>Model request size l_req. Default 1 kB: the paper does not give it.</summary>
    public Bytes RequestSize { get; init; } = Bytes.FromKilobytes(1);
}
