using System.CommandLine;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>
/// The flags of <c>serve</c> for Kestrel's defences against clients that hold connections (<see cref="ConnectionLimits"/>):
/// the connection cap, idle and header timeouts, minimum data rates.
/// </summary>
internal sealed class ServeConnectionFlags
{
    private static readonly ConnectionLimits Defaults = new();

    private readonly Option<long?> maxConnections = new("--max-connections")
    {
        Description = "Concurrent connections (default: the open-file limit less a quarter, at most 10000); more are closed at once.",
    };

    private readonly Option<double> keepAlive = new("--keep-alive-timeout")
    {
        Description = "Seconds a connection may sit without a request (idle sockets included).",
        DefaultValueFactory = _ => Defaults.KeepAliveTimeout.Value,
    };

    private readonly Option<double> headersTimeout = new("--request-headers-timeout")
    {
        Description = "Seconds a client may take to send a request's line and headers.",
        DefaultValueFactory = _ => Defaults.RequestHeadersTimeout.Value,
    };

    private readonly Option<double> minBodyRate = new("--min-request-body-rate")
    {
        Description = "Slowest accepted request-body upload in bytes/s after the grace period (below it 408); 0: none.",
        DefaultValueFactory = _ => Defaults.MinRequestBodyBytesPerSecond,
    };

    private readonly Option<double> minResponseRate = new("--min-response-rate")
    {
        Description = "Slowest accepted response reading in bytes/s after the grace period (below it the connection closes); 0: none.",
        DefaultValueFactory = _ => Defaults.MinResponseBytesPerSecond,
    };

    private readonly Option<double> grace = new("--min-data-rate-grace")
    {
        Description = "Seconds a transfer may stay below the minimum rates (more than 1).",
        DefaultValueFactory = _ => Defaults.MinDataRateGracePeriod.Value,
    };

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { maxConnections, keepAlive, headersTimeout, minBodyRate, minResponseRate, grace })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The limits the flags set.</summary>
    public ConnectionLimits Limits(ParseResult parse) => new()
    {
        MaxConnections = parse.GetValue(maxConnections),
        KeepAliveTimeout = Duration(parse, keepAlive),
        RequestHeadersTimeout = Duration(parse, headersTimeout),
        MinRequestBodyBytesPerSecond = parse.GetValue(minBodyRate),
        MinResponseBytesPerSecond = parse.GetValue(minResponseRate),
        MinDataRateGracePeriod = Duration(parse, grace),
    };

    private static Seconds Duration(ParseResult parse, Option<double> option)
    {
        var value = parse.GetValue(option);
        return double.IsFinite(value) && value >= 0
            ? new Seconds(value)
            : throw new UsageException(FormattableString.Invariant($"{option.Name} {value} must be a finite, non-negative number of seconds."));
    }
}
