using System.CommandLine;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>Options shared by several commands.</summary>
public static class CommonOptions
{
    /// <summary><c>--json</c>: print exactly one JSON object on stdout and nothing else.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object (camelCase keys) on stdout and nothing else." };

    /// <summary><c>--channel-multiple</c>: structured methods round each pruned group's kept channels up to this multiple.</summary>
    public static Option<int> ChannelMultiple() => new("--channel-multiple")
    {
        Description = "Channel, channel-ls: round kept channels up to this multiple (1 = exact pf; 16 lets ORT use its blocked AVX-512 kernels).",
        DefaultValueFactory = _ => 1,
    };
}
