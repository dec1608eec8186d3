namespace EdgeInfer.Pruning.Wire;

/// <summary>The general-purpose compression pass of the wire format (from the .NET base library).</summary>
public enum WireCompression
{
    /// <summary>Bitmask and packed values only.</summary>
    None = 0,

    /// <summary>Brotli (<see cref="System.IO.Compression.BrotliEncoder"/>).</summary>
    Brotli = 1,

    /// <summary>Deflate (<see cref="System.IO.Compression.DeflateStream"/>).</summary>
    Deflate = 2,
}
