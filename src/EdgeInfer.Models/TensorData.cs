using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Models;

/// <summary>
/// Reads and writes the values of ONNX tensors whichever storage they use: <c>raw_data</c> (little-endian bytes,
/// what EdgeInfer writes) or the typed repeated fields (<c>float_data</c>, <c>int64_data</c>; e.g. the ResNet-18
/// featurizer stores its weights in <c>float_data</c>). External data (weights in a side file) is not supported and is
/// rejected. Simple and allocation-honest rather than the fastest: hot paths (pruning) keep their own span code.
/// </summary>
public static class TensorData
{
    /// <summary>Number of elements: the product of the dims (1 for a scalar).</summary>
    public static long ElementCount(TensorProto tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor.Dims.Aggregate(1L, (a, d) => checked(a * d));
    }

    /// <summary>True when the tensor carries its values (in <c>raw_data</c> or a typed field), false for a shape-only tensor.</summary>
    public static bool HasData(TensorProto tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return !tensor.RawData.IsEmpty || tensor.FloatData.Count > 0 || tensor.Int64Data.Count > 0 ||
               tensor.Int32Data.Count > 0 || tensor.DoubleData.Count > 0 || ElementCount(tensor) == 0;
    }

    /// <summary>The values of a float32 tensor as a new array.</summary>
    /// <exception cref="InvalidDataException">Not float32, external data, or a value count that does not match the dims.</exception>
    public static float[] ReadFloats(TensorProto tensor)
    {
        var values = new float[checked((int)ElementCount(tensor))];
        ReadFloats(tensor, values);
        return values;
    }

    /// <summary>Copies the values of a float32 tensor into <paramref name="destination"/> (exactly <see cref="ElementCount"/> long).</summary>
    public static void ReadFloats(TensorProto tensor, Span<float> destination)
    {
        var count = RequireStorage(tensor, TensorProto.Types.DataType.Float);
        if (destination.Length != count)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats, tensor '{tensor.Name}' has {count}.", nameof(destination));
        }

        if (!tensor.RawData.IsEmpty)
        {
            var bytes = tensor.RawData.Span;
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
            }
            else
            {
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
                }
            }
        }
        else
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = tensor.FloatData[i];
            }
        }
    }

    /// <summary>
    /// Replaces the values of a float32 tensor: writes <c>raw_data</c> (little-endian) and clears <c>float_data</c>,
    /// so the tensor ends up in the storage EdgeInfer writes whatever it came in. The dims are not changed.
    /// </summary>
    public static void WriteFloats(TensorProto tensor, ReadOnlySpan<float> values)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (values.Length != ElementCount(tensor))
        {
            throw new ArgumentException($"Tensor '{tensor.Name}' has {ElementCount(tensor)} elements, got {values.Length} values.", nameof(values));
        }

        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        tensor.DataType = (int)TensorProto.Types.DataType.Float;
        tensor.FloatData.Clear();
        tensor.RawData = UnsafeByteOperations.UnsafeWrap(bytes);
    }

    /// <summary>The values of an int64 tensor (e.g. a Reshape target) from <c>raw_data</c> or <c>int64_data</c>.</summary>
    public static long[] ReadInt64(TensorProto tensor)
    {
        var count = RequireStorage(tensor, TensorProto.Types.DataType.Int64);
        if (!tensor.RawData.IsEmpty)
        {
            var bytes = tensor.RawData.Span;
            var values = new long[count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * 8)..]);
            }

            return values;
        }

        return [.. tensor.Int64Data];
    }

    /// <summary>
    /// Checks that a tensor's stored values match its dims and type; returns the problem in words, or null when it is
    /// consistent. A tensor without any values is accepted only when <paramref name="allowEmpty"/> (shape-only models).
    /// </summary>
    public static string? Validate(TensorProto tensor, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            return $"initializer '{tensor.Name}' keeps its data in an external file, which is not supported.";
        }

        long count;
        try
        {
            count = ElementCount(tensor);
        }
        catch (OverflowException)
        {
            return $"initializer '{tensor.Name}' has dims that overflow.";
        }

        if (count < 0)
        {
            return $"initializer '{tensor.Name}' has negative dims.";
        }

        if (!tensor.RawData.IsEmpty)
        {
            var size = ElementSize((TensorProto.Types.DataType)tensor.DataType);
            return size is { } s && tensor.RawData.Length != count * s
                ? $"initializer '{tensor.Name}' has {tensor.RawData.Length} bytes of raw_data, expected {count * s} ({count} × {s})."
                : null;
        }

        var typed = (TensorProto.Types.DataType)tensor.DataType switch
        {
            TensorProto.Types.DataType.Float or TensorProto.Types.DataType.Complex64 => tensor.FloatData.Count,
            TensorProto.Types.DataType.Int64 => tensor.Int64Data.Count,
            TensorProto.Types.DataType.Double => tensor.DoubleData.Count,
            TensorProto.Types.DataType.String => tensor.StringData.Count,
            _ => tensor.Int32Data.Count,
        };
        if (typed == 0 && count > 0)
        {
            return allowEmpty ? null : $"initializer '{tensor.Name}' has no data (expected {count} values).";
        }

        return typed != count && (TensorProto.Types.DataType)tensor.DataType is not TensorProto.Types.DataType.Complex64
            ? $"initializer '{tensor.Name}' has {typed} values, expected {count}."
            : null;
    }

    /// <summary>Bytes per element of a fixed-size type, or null for strings and sub-byte types.</summary>
    public static int? ElementSize(TensorProto.Types.DataType type) => type switch
    {
        TensorProto.Types.DataType.Float or TensorProto.Types.DataType.Int32 or TensorProto.Types.DataType.Uint32 => 4,
        TensorProto.Types.DataType.Double or TensorProto.Types.DataType.Int64 or TensorProto.Types.DataType.Uint64 or TensorProto.Types.DataType.Complex64 => 8,
        TensorProto.Types.DataType.Float16 or TensorProto.Types.DataType.Bfloat16 or TensorProto.Types.DataType.Int16 or TensorProto.Types.DataType.Uint16 => 2,
        TensorProto.Types.DataType.Uint8 or TensorProto.Types.DataType.Int8 or TensorProto.Types.DataType.Bool => 1,
        TensorProto.Types.DataType.Complex128 => 16,
        _ => null,
    };

    private static long RequireStorage(TensorProto tensor, TensorProto.Types.DataType expected)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if ((TensorProto.Types.DataType)tensor.DataType != expected)
        {
            throw new InvalidDataException($"Tensor '{tensor.Name}' is {(TensorProto.Types.DataType)tensor.DataType}, expected {expected}.");
        }

        if (Validate(tensor) is { } problem)
        {
            throw new InvalidDataException(problem);
        }

        return ElementCount(tensor);
    }
}
