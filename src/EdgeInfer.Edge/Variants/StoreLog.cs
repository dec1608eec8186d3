using Microsoft.Extensions.Logging;

namespace EdgeInfer.Edge.Variants;

/// <summary>The variant store's log lines.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Corrupt model file {File}: {Why}; not served")]
    public static partial void CorruptFile(ILogger logger, string file, string why);
}
