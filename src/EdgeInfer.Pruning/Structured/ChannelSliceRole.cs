namespace EdgeInfer.Pruning.Structured;

/// <summary>What an initializer sliced by a <see cref="ChannelGroup"/> is to the channels.</summary>
public enum ChannelSliceRole
{
    /// <summary>A producing Conv's weight [M, C, kH, kW], axis 0 (its output channels).</summary>
    ProducerWeight,

    /// <summary>A producing Conv's bias [M], axis 0.</summary>
    ProducerBias,

    /// <summary>A BatchNormalization parameter (scale, bias, mean or variance) [C], axis 0, at the channels' offset in its input.</summary>
    BatchNorm,

    /// <summary>A depthwise Conv's weight [C, 1, kH, kW] or bias [C], axis 0, at the channels' offset in its input.</summary>
    Depthwise,

    /// <summary>An initializer broadcast per channel in an element-wise op (shape [C, 1, 1] or [1, C, 1, 1]), at its channel axis.</summary>
    PerChannel,

    /// <summary>A consuming Conv's weight [M, C, kH, kW], axis 1 (its input channels), at the channels' offset in its input.</summary>
    ConsumerWeight,
}
