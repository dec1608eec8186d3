using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;
using Microsoft.ML.OnnxRuntime;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>
/// Runs a one-input, one-output ONNX model over <see cref="TensorBatch"/>es with ONNX Runtime, using all cores by default
/// (intra-op threads = processor count). Inputs are wrapped without copying (pinned managed arrays); the caller gets the
/// output of each batch as a span valid until the next call.
/// </summary>
public sealed class BatchRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    /// <summary>Loads <paramref name="model"/> (ONNX bytes); a model ORT rejects throws <see cref="EdgeInferInputException"/>.</summary>
    public BatchRunner(byte[] model, int? intraOpThreads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var options = CreateOptions(intraOpThreads);
        try
        {
            _session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new EdgeInferInputException("ONNX Runtime rejected the model: " + ex.Message, ex);
        }

        if (_session.InputNames.Count != 1 || _session.OutputNames.Count < 1)
        {
            _session.Dispose();
            throw new EdgeInferInputException($"The model has {_session.InputNames.Count} inputs; an image classifier has exactly one.");
        }

        _inputNames = [_session.InputNames[0]];
        _outputNames = [_session.OutputNames[0]];
        var dims = _session.InputMetadata[_inputNames[0]].Dimensions;
        InputDimensions = dims;
        OutputWidth = _session.OutputMetadata[_outputNames[0]].Dimensions is [_, var w] && w > 0 ? w : 0;
    }

    /// <summary>The model input dimensions (−1 for symbolic ones).</summary>
    public IReadOnlyList<int> InputDimensions { get; }

    /// <summary>Width of the output row per image (e.g. number of classes), 0 when the model does not declare it.</summary>
    public int OutputWidth { get; }

    /// <summary>
    /// The session options used: the runtime's edge-role settings (sequential, all optimisations, one inter-op thread)
    /// with all cores or <paramref name="intraOpThreads"/>.
    /// </summary>
    public static SessionOptions CreateOptions(int? intraOpThreads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = intraOpThreads ?? Environment.ProcessorCount,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            InterOpNumThreads = 1,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        return options;
    }

    /// <summary>
    /// Runs one batch and copies the output (<c>[Count, width]</c> row-major) into <paramref name="output"/>, resized
    /// when needed; returns the row width.
    /// </summary>
    public int Run(TensorBatch batch, ref float[] output)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var input = OrtValue.CreateTensorValueFromMemory(batch.Data, batch.Shape);
        using var results = _session.Run(_runOptions, _inputNames, [input], _outputNames);
        var span = results[0].GetTensorDataAsSpan<float>();
        if (output.Length < span.Length)
        {
            output = new float[span.Length];
        }

        span.CopyTo(output);
        return span.Length / batch.Count;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
