using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Runtime.Measurement;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeInfer.Runtime.Execution;

/// <summary>
/// A thin wrapper over one ONNX Runtime <see cref="InferenceSession"/> in a given <see cref="RuntimeRole"/>.
/// Every float32 input and output is a managed buffer allocated once, wrapped once in an <see cref="OrtValue"/>
/// (<see cref="OrtValue.CreateTensorValueFromMemory{T}(T[], long[])"/>) and bound once with an <see cref="OrtIoBinding"/>,
/// so <see cref="Run"/> is one native call that allocates nothing on the managed heap.
/// Dynamic dimensions (the batch) are fixed to 1. The input holds deterministic uniform [0, 1) values.
/// Not thread-safe: one session per thread, as in the paper's one-container-per-task setup.
/// </summary>
public sealed class RuntimeSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions;
    private readonly OrtIoBinding binding;
    private readonly float[][] inputBuffers;
    private readonly float[][] outputBuffers;
    private readonly OrtValue[] values;
    private bool disposed;

    private RuntimeSession(string modelPath, RuntimeOptions options, InferenceSession session)
    {
        ModelPath = modelPath;
        Options = options;
        this.session = session;
        runOptions = new RunOptions();
        var valueList = new List<OrtValue>();
        try
        {
            Inputs = session.InputMetadata.Select(kv => new BoundTensor(kv.Key, ConcreteShape(kv.Key, kv.Value))).ToArray();
            var random = new Random(options.InputSeed);
            inputBuffers = Inputs.Select(spec =>
            {
                var buffer = new float[spec.ElementCount];
                for (var i = 0; i < buffer.Length; i++)
                {
                    buffer[i] = random.NextSingle();
                }

                return buffer;
            }).ToArray();
            var inputValues = Inputs.Select((spec, i) => OrtValue.CreateTensorValueFromMemory(inputBuffers[i], spec.Shape.ToArray())).ToArray();
            valueList.AddRange(inputValues);
            Outputs = ProbeOutputShapes(inputValues);
            outputBuffers = Outputs.Select(spec => new float[spec.ElementCount]).ToArray();
            var outputValues = Outputs.Select((spec, i) => OrtValue.CreateTensorValueFromMemory(outputBuffers[i], spec.Shape.ToArray())).ToArray();
            valueList.AddRange(outputValues);
            binding = session.CreateIoBinding();
            for (var i = 0; i < Inputs.Count; i++)
            {
                binding.BindInput(Inputs[i].Name, inputValues[i]);
            }

            for (var i = 0; i < Outputs.Count; i++)
            {
                binding.BindOutput(Outputs[i].Name, outputValues[i]);
            }

            values = valueList.ToArray();
        }
        catch
        {
            foreach (var value in valueList)
            {
                value.Dispose();
            }

            runOptions.Dispose();
            throw;
        }
    }

    /// <summary>The model file this session runs.</summary>
    public string ModelPath { get; }

    /// <summary>The validated options the session was opened with.</summary>
    public RuntimeOptions Options { get; }

    /// <summary>The bound inputs, in graph order.</summary>
    public IReadOnlyList<BoundTensor> Inputs { get; }

    /// <summary>The bound outputs, in graph order.</summary>
    public IReadOnlyList<BoundTensor> Outputs { get; }

    /// <summary>
    /// Opens <paramref name="modelPath"/> with <paramref name="options"/> (validated here) and makes
    /// <see cref="RuntimeOptions.WarmupRuns"/> untimed runs.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="EdgeInferInputException">ORT cannot load the file, or a graph input or output is not float32.</exception>
    public static RuntimeSession Open(string modelPath, RuntimeOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"Model file '{modelPath}' does not exist.", modelPath);
        }

        using var sessionOptions = OrtSessionOptions.Create(options);
        InferenceSession inner;
        try
        {
            inner = new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new EdgeInferInputException($"'{modelPath}' is not a model ONNX Runtime can load: {ex.Message}", ex);
        }

        RuntimeSession? result = null;
        try
        {
            result = new RuntimeSession(modelPath, options, inner);
            result.WarmUp(options.WarmupRuns);
            return result;
        }
        catch
        {
            if (result is null)
            {
                inner.Dispose();
            }
            else
            {
                result.Dispose();
            }

            throw;
        }
    }

    /// <summary>The buffer behind input <paramref name="index"/>; writes are seen by the next <see cref="Run"/>.</summary>
    public Span<float> Input(int index = 0) => inputBuffers[index];

    /// <summary>The buffer behind output <paramref name="index"/>, as written by the last <see cref="Run"/>.</summary>
    public ReadOnlySpan<float> Output(int index = 0) => outputBuffers[index];

    /// <summary>One inference on the bound buffers. The hot path: no managed allocation.</summary>
    /// <exception cref="OnnxRuntimeException">ORT failed, or <see cref="Terminate"/> was called.</exception>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        session.RunWithBinding(runOptions, binding);
    }

    /// <summary>Makes <paramref name="runs"/> untimed runs.</summary>
    public void WarmUp(int runs)
    {
        for (var i = 0; i < runs; i++)
        {
            Run();
        }
    }

    /// <summary>Wall-clock duration of one <see cref="Run"/>, read from <paramref name="time"/> (default the system clock).</summary>
    public Seconds TimeOne(TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var start = time.GetTimestamp();
        Run();
        return new Seconds(time.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>Times <paramref name="samples"/> runs (after the warm-up made at open) and summarises them.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired between runs.</exception>
    public LatencyStatistics Measure(int samples, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        if (samples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "At least one sample is needed.");
        }

        var seconds = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            seconds[i] = TimeOne(time).Value;
        }

        return LatencyStatistics.From(seconds);
    }

    /// <summary>
    /// Asks ORT to abort a <see cref="Run"/> in progress (from any thread); that run and every later one throw
    /// <see cref="OnnxRuntimeException"/>. Used to stop background load quickly.
    /// </summary>
    public void Terminate() => runOptions.Terminate = true;

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        binding.Dispose();
        foreach (var value in values)
        {
            value.Dispose();
        }

        runOptions.Dispose();
        session.Dispose();
    }

    private static long[] ConcreteShape(string name, NodeMetadata metadata)
    {
        if (!metadata.IsTensor || metadata.ElementDataType != TensorElementType.Float)
        {
            throw new EdgeInferInputException(
                $"Model input '{name}' is {metadata.ElementDataType} {metadata.OnnxValueType}; only float32 tensor inputs are supported.");
        }

        return metadata.Dimensions.Select(d => d < 0 ? 1L : d).ToArray();
    }

    private BoundTensor[] ProbeOutputShapes(OrtValue[] inputValues)
    {
        // Output shapes may depend on symbolic dimensions ORT resolves only at run time, so one allocating run
        // (which also serves as the first warm-up) tells the real shapes before the output buffers are made.
        var outputNames = session.OutputMetadata.Keys.ToArray();
        foreach (var name in outputNames)
        {
            var metadata = session.OutputMetadata[name];
            if (!metadata.IsTensor || metadata.ElementDataType != TensorElementType.Float)
            {
                throw new EdgeInferInputException(
                    $"Model output '{name}' is {metadata.ElementDataType} {metadata.OnnxValueType}; only float32 tensor outputs are supported.");
            }
        }

        using var results = session.Run(runOptions, Inputs.Select(i => i.Name).ToArray(), inputValues, outputNames);
        return results.Select((value, i) => new BoundTensor(outputNames[i], value.GetTensorTypeAndShape().Shape)).ToArray();
    }
}
