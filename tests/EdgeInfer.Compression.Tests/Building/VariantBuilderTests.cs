using EdgeInfer.Compression.Building;
using EdgeInfer.Compression.Calibration;
using EdgeInfer.Compression.Tests.Support;
using EdgeInfer.Core;
using EdgeInfer.Models.Files;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EdgeInfer.Compression.Tests.Building;

public sealed class VariantBuilderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("edgeinfer-builder-tests-").FullName;

    private string Full()
    {
        var path = Path.Combine(folder, "full.onnx");
        OnnxModelFile.Save(ChainModel.Build(), path);
        return path;
    }

    private static CalibrationSet Noise(int count)
    {
        var random = new Random(11);
        var pixels = new float[count * 3 * 32 * 32];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = random.NextSingle();
        }

        return new CalibrationSet("noise", 3, 32, 32, pixels);
    }

    [Fact]
    public void BuildFile_DataFreeMethod_WritesWhatTheDataFreePipelineWrites()
    {
        var full = Full();
        var variant = ModelVariant.Pruned("chain", PruningMethod.Global, PruningFactor.Of(0.5));

        var report = VariantBuilder.BuildFile(full, Path.Combine(folder, "built.onnx"), variant);
        ModelPruning.PruneFile(full, Path.Combine(folder, "reference.onnx"), new PruneFileOptions(0.5));

        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "reference.onnx")), File.ReadAllBytes(Path.Combine(folder, "built.onnx")));
        Assert.Equal(PruningFactor.Of(0.5), report.UniformFactor);
        Assert.InRange(report.AchievedSparsity!.Value, 0.49, 0.51);
        Assert.Equal(ChainModel.FullMacs, report.MacsBefore);
        Assert.Equal(ChainModel.FullMacs, report.MacsAfter);
        Assert.Null(report.CalibrationSource);
        Assert.Equal(0, report.CalibrationImages);
    }

    [Fact]
    public void BuildFile_ChannelToAMacsBudget_KeepsAtMostTheBudgetAtTheSmallestUniformPf()
    {
        var full = Full();
        var variant = ModelVariant.Budgeted("chain", PruningMethod.Channel, MacsBudget.Of(0.5));
        var output = Path.Combine(folder, "budget.onnx");

        var report = VariantBuilder.BuildFile(full, output, variant, new VariantBuildOptions { MeasureAllSizes = true });

        // Measured on the written file, not taken from the report.
        var macs = ShapeInference.Run(OnnxModelFile.Load(output).Graph).Macs!.Value;
        Assert.Equal(macs, report.MacsAfter);
        Assert.True(macs <= 0.5 * ChainModel.FullMacs, $"{macs} MACs is above half of {ChainModel.FullMacs}");
        var pf = report.UniformFactor!.Value;
        Assert.False(pf.IsZero);

        // The smallest such pf: one hundredth less keeps more than the budget.
        var less = VariantBuilder.BuildInMemory(
            File.ReadAllBytes(full), ModelVariant.Pruned("chain", PruningMethod.Channel, PruningFactor.Of(pf.Value - 0.01)));
        var lessMacs = ShapeInference.Run(ModelProto.Parser.ParseFrom(less).Graph).Macs!.Value;
        Assert.True(lessMacs > 0.5 * ChainModel.FullMacs, $"pf {pf.Value - 0.01:0.00} already keeps {lessMacs} MACs");

        Assert.NotNull(report.Sizes.Wire);
        Assert.Equal([1, 10], Run(File.ReadAllBytes(output)).Dimensions.ToArray());
    }

    [Fact]
    public void BuildFile_BudgetNoUniformPfCanMeet_IsAnInputErrorThatSaysSo()
    {
        // The last block keeps its 32 output channels (only Convs consume the first two), so at least 2 % of the MACs stay.
        var variant = ModelVariant.Budgeted("chain", PruningMethod.Channel, MacsBudget.Of(0.01));

        var ex = Assert.Throws<EdgeInferInputException>(() => VariantBuilder.BuildFile(Full(), Path.Combine(folder, "x.onnx"), variant));

        Assert.Contains("even at pf 0.99", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "x.onnx")));
    }

    [Theory]
    [InlineData("channel-ls", "0.5", null, "channel-ls-0.50")]
    [InlineData("int8", null, null, "int8")]
    [InlineData("channel+int8", null, "0.5", "channel+int8-macs0.50")]
    public void BuildFile_DataAwareVariantWithoutCalibration_NamesTheVariantAndWhatIsMissing(string kind, string? pf, string? macs, string name)
    {
        var variant = ModelVariant.FromRequest("chain", pf, kind, macs);

        var ex = Assert.Throws<EdgeInferInputException>(() => VariantBuilder.BuildFile(Full(), Path.Combine(folder, "x.onnx"), variant));

        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        Assert.Contains("needs calibration images", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CalibrationImages_AreAskedForOnlyWhenTheVariantNeedsThem()
    {
        var calls = 0;
        byte[]? seen = null;
        var options = new VariantBuildOptions
        {
            Calibration = model =>
            {
                calls++;
                seen = model.ToByteArray(); // the builder's copy, quantized once this returns
                return Noise(4);
            },
        };
        var bytes = File.ReadAllBytes(Full());

        VariantBuilder.BuildInMemory(bytes, ModelVariant.Pruned("chain", PruningMethod.Channel, PruningFactor.Of(0.3)), options);
        VariantBuilder.BuildInMemory(bytes, ModelVariant.Budgeted("chain", PruningMethod.Channel, MacsBudget.Of(0.6)), options);
        Assert.Equal(0, calls);

        // The data-aware kinds ask once, with the full model (its input and metadata say how to prepare the images).
        VariantBuilder.BuildInMemory(bytes, ModelVariant.Full("chain").WithPrecision(Precision.Int8), options);

        Assert.Equal(1, calls);
        Assert.Equal(ChainModel.Build().ToByteArray(), seen);
    }

    [Fact]
    public void BuildFile_Int8_QuantizesWithEveryCalibrationImageAndKeepsTheMacs()
    {
        var output = Path.Combine(folder, "int8.onnx");
        var options = new VariantBuildOptions { Calibration = _ => Noise(8), MeasureAllSizes = true };

        var report = VariantBuilder.BuildFile(Full(), output, ModelVariant.Full("chain").WithPrecision(Precision.Int8), options);

        var model = OnnxModelFile.Load(output);
        Assert.Contains(model.Graph.Initializer, t => t.DataType == (int)TensorProto.Types.DataType.Int8);
        Assert.Contains(model.Graph.Node, n => n.OpType == "DequantizeLinear");
        Assert.Equal(("noise", 8), (report.CalibrationSource, report.CalibrationImages));
        Assert.Equal(ChainModel.FullMacs, report.MacsAfter);
        Assert.True(report.Timings.Quantize.Value > 0);
        Assert.Null(report.UniformFactor);
        Assert.True(report.Sizes.Dense.Value < new FileInfo(Full()).Length, "INT8 weights take a quarter of the bytes");
        Assert.All(Run(File.ReadAllBytes(output)).ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void AddToRepository_PrunedPlusInt8_QuantizesThePremadeFloatVariantAndRecordsBoth()
    {
        var repository = ModelRepository.Open(Path.Combine(folder, "repo"));
        var full = repository.Add(ChainModel.Build(), new ModelAddRequest { Name = "chain", Trained = false, Source = "test" });
        var options = new VariantBuildOptions { Calibration = _ => Noise(8) };
        var pruned = VariantBuilder.AddToRepository(repository, full, ModelVariant.Budgeted("chain", PruningMethod.Channel, MacsBudget.Of(0.5)));

        var (entry, report) = VariantBuilder.AddToRepository(
            repository, full, ModelVariant.FromRequest("chain", null, "channel+int8", "0.5"), options);

        Assert.Equal("channel+int8-macs0.50", entry.Variant);
        Assert.Equal(("int8", 0.5, "channel"), (entry.Metadata.Precision, entry.Metadata.MacsBudget, entry.Metadata.PruningMethod));

        // Quantized from the pre-made channel-macs0.50, not pruned again: its MACs are where the report starts.
        Assert.Equal(pruned.Entry.Metadata.Macs, report.MacsBefore);
        Assert.Equal(pruned.Entry.Metadata.Macs, entry.Metadata.Macs);
        Assert.Equal(TimeSpan.Zero.TotalSeconds, report.Timings.Select.Value);
        Assert.Contains(OnnxModelFile.Load(entry.ModelPath).Graph.Initializer, t => t.DataType == (int)TensorProto.Types.DataType.Int8);
    }

    [Theory]
    [InlineData("0.5", null)]
    [InlineData(null, "0.5")]
    public void BuildFile_ChannelLs_PrunesOnTheCalibrationImagesAndReportsThem(string? pf, string? macs)
    {
        var output = Path.Combine(folder, "ls.onnx");
        var variant = ModelVariant.FromRequest("chain", pf, "channel-ls", macs);
        var options = new VariantBuildOptions { Calibration = _ => Noise(16) };

        var report = VariantBuilder.BuildFile(Full(), output, variant, options);

        var macsAfter = ShapeInference.Run(OnnxModelFile.Load(output).Graph).Macs!.Value;
        Assert.Equal(macsAfter, report.MacsAfter);
        Assert.True(macsAfter < ChainModel.FullMacs, $"{macsAfter} MACs is not below the full {ChainModel.FullMacs}");
        if (variant.Budget is { } budget)
        {
            Assert.True(macsAfter <= budget.KeptFraction * ChainModel.FullMacs, $"{macsAfter} MACs is above the budget");
            Assert.Null(report.UniformFactor);
        }
        else
        {
            Assert.Equal(PruningFactor.Of(0.5), report.UniformFactor);
        }

        Assert.Equal(("noise", 16), (report.CalibrationSource, report.CalibrationImages));
        Assert.True(report.Timings.Prune.Value > 0);
        Assert.All(Run(File.ReadAllBytes(output)).ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void BuildInMemory_FullVariant_IsTheModelAsItIs()
    {
        var bytes = File.ReadAllBytes(Full());

        Assert.Same(bytes, VariantBuilder.BuildInMemory(bytes, ModelVariant.Full("chain")));
    }

    [Fact]
    public void AddToRepository_BudgetedVariant_IsStoredUnderItsNameWithTheBudgetInItsMetadata()
    {
        var repository = ModelRepository.Open(Path.Combine(folder, "repo"));
        var full = repository.Add(ChainModel.Build(), new ModelAddRequest { Name = "chain", Trained = false, Source = "test" });

        var (entry, report) = VariantBuilder.AddToRepository(
            repository, full, ModelVariant.Budgeted("chain", PruningMethod.Channel, MacsBudget.Of(0.5)));

        Assert.Equal("channel-macs0.50", entry.Variant);
        Assert.Equal(0.5, entry.Metadata.MacsBudget);
        Assert.Equal("channel", entry.Metadata.PruningMethod);
        Assert.Equal(0, entry.Metadata.PruningFactor);
        Assert.Null(entry.Metadata.Precision);
        Assert.Equal(report.MacsAfter, entry.Metadata.Macs);
        Assert.Equal("chain/full", entry.Metadata.Source);
        Assert.Equal(["channel-macs0.50", "full"], repository.List().Select(e => e.Variant).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(repository.Root));
    }

    [Fact]
    public void BuildFile_MagnitudeOnlyFlagsOnAnotherKind_AreRejectedWithOneMessage()
    {
        var options = new VariantBuildOptions { KeepFirstConvDense = true, ChannelMultiple = 0 };

        var ex = Assert.Throws<EdgeInferInputException>(() => VariantBuilder.BuildFile(
            Full(), Path.Combine(folder, "x.onnx"), ModelVariant.Pruned("chain", PruningMethod.Channel, PruningFactor.Of(0.5)), options));

        Assert.Contains("channel multiple must be in [1, 1024], got 0", ex.Message, StringComparison.Ordinal);
        var valid = options with { ChannelMultiple = 1 };
        ex = Assert.Throws<EdgeInferInputException>(() => VariantBuilder.BuildFile(
            Full(), Path.Combine(folder, "x.onnx"), ModelVariant.Pruned("chain", PruningMethod.Channel, PruningFactor.Of(0.5)), valid));
        Assert.Contains("apply to global and layer pruning only, not to channel-0.50", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Tensor<float> Run(byte[] model)
    {
        using var session = new InferenceSession(model);
        var input = new DenseTensor<float>(Noise(1).Images(0, 1).ToArray(), [1, 3, 32, 32]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        return results[0].AsTensor<float>().Clone();
    }
}
