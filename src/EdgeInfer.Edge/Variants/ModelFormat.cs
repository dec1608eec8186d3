namespace EdgeInfer.Edge.Variants;

/// <summary>What form a downloaded model takes.</summary>
public enum ModelFormat
{
    /// <summary>The dense ONNX file (<c>format=onnx</c>).</summary>
    Onnx,

    /// <summary>The <c>.eiw</c> wire container (bitmask + packed non-zeros, Brotli); the device decodes it (<c>format=wire</c>).</summary>
    Wire,

    /// <summary>ONNX with COO <c>sparse_initializer</c>, which ORT loads directly (<c>format=sparse-onnx</c>).</summary>
    SparseOnnx,
}
