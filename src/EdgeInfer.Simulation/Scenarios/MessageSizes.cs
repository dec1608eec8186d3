using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>What goes over the air per request (paper Sec. 4.1; 1 kB = 1000 B).</summary>
public sealed record MessageSizes
{
    /// <summary>l_input, the image an offloaded request uploads. Default 300 kB.</summary>
    public Bytes Input { get; init; } = Bytes.FromKilobytes(300);

    /// <summary>l_res, the result an offloaded request downloads. Default 2 kB.</summary>
    public Bytes Result { get; init; } = Bytes.FromKilobytes(2);

    /// <summary>l_req, a model download's request. Default 1 kB.</summary>
    public Bytes Request { get; init; } = Bytes.FromKilobytes(1);

    internal void AddProblems(List<string> problems, string path)
    {
        if (Input.Value <= 0 || Result.Value <= 0 || Request.Value <= 0)
        {
            problems.Add($"{path}inputBytes, resultBytes and requestBytes must be positive");
        }
    }
}
