using EdgeInfer.Core;
using EdgeInfer.Pruning.Analysis;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Tests.Support;
using EdgeInfer.Pruning.Unstructured;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Pipeline;

public sealed class ModelPruningTests
{
    [Fact]
    public void PruneFile_ZeroFactor_OutputFileByteIdentical()
    {
        using var dir = new TempFolder();
        File.WriteAllBytes(dir.File("in.onnx"), TestModels.ResNetLike().ToByteArray());

        var report = ModelPruning.PruneFile(dir.File("in.onnx"), dir.File("out.onnx"), new PruneFileOptions(0));

        Assert.Equal(File.ReadAllBytes(dir.File("in.onnx")), File.ReadAllBytes(dir.File("out.onnx")));
        Assert.Equal(report.ParametersBefore, report.ParametersAfter);
        Assert.Equal(0, report.AchievedSparsity);
    }

    [Theory]
    [InlineData(PruningMethod.Global)]
    [InlineData(PruningMethod.Layer)]
    [InlineData(PruningMethod.Channel)]
    public void PruneFile_AllOutputs_WrittenAndConsistentWithReport(PruningMethod method)
    {
        using var dir = new TempFolder();
        var original = TestModels.MobileNetLike();
        File.WriteAllBytes(dir.File("in.onnx"), original.ToByteArray());
        var options = new PruneFileOptions(0.7, method, WirePath: dir.File("out.eiw"), SparseOnnxPath: dir.File("coo.onnx"), MeasureAllSizes: true);

        var report = ModelPruning.PruneFile(dir.File("in.onnx"), dir.File("out.onnx"), options);

        Assert.Equal(new FileInfo(dir.File("out.onnx")).Length, report.Sizes.Dense.Value);
        Assert.Equal(new FileInfo(dir.File("out.eiw")).Length, report.Sizes.Wire!.Value.Value);
        Assert.Equal(new FileInfo(dir.File("coo.onnx")).Length, report.Sizes.Coo!.Value.Value);
        Assert.True(report.Sizes.Gzip!.Value.Value > 0);
        Assert.InRange(report.AchievedSparsity, 0.6, 0.75);
        Assert.True(report.ParametersAfter < report.ParametersBefore);
        Assert.Equal(method == PruningMethod.Channel, report.MacsAfter < report.MacsBefore);
        var dense = File.ReadAllBytes(dir.File("out.onnx"));
        Assert.Equal(Ort.Run(dense), Ort.Run(WireCodec.Decode(File.ReadAllBytes(dir.File("out.eiw")))));
        Assert.Equal(Ort.Run(dense), Ort.Run(File.ReadAllBytes(dir.File("coo.onnx"))));
        Assert.Equal(["coo.onnx", "in.onnx", "out.eiw", "out.onnx"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData(false, PruningMethod.Global)]
    [InlineData(true, PruningMethod.Global)]
    [InlineData(false, PruningMethod.Layer)]
    [InlineData(true, PruningMethod.Layer)]
    public void PruneFile_InFileBytes_SameModelAsPruningTheParsedProtos(bool floatData, PruningMethod method)
    {
        using var dir = new TempFolder();
        var model = TestModels.DenseNetLike(floatData: floatData);
        var shape = new TensorProto
        {
            Name = "shape",
            DataType = (int)TensorProto.Types.DataType.Int64,
            RawData = ByteString.CopyFrom(BitConverter.GetBytes(1L).Concat(BitConverter.GetBytes(-1L)).ToArray()),
        };
        shape.Dims.Add(2);
        model.Graph.Initializer.Insert(3, shape);
        File.WriteAllBytes(dir.File("in.onnx"), model.ToByteArray());
        var expected = model.Clone();
        var scope = method == PruningMethod.Layer ? PruningScope.Layer : PruningScope.Global;
        var inMemory = MagnitudePruner.PruneInPlace(expected, new MagnitudePruningOptions(0.6, scope));

        var report = ModelPruning.PruneFile(dir.File("in.onnx"), dir.File("out.onnx"), new PruneFileOptions(0.6, method));

        Assert.Equal(expected, ModelProto.Parser.ParseFrom(File.ReadAllBytes(dir.File("out.onnx"))));
        Assert.Equal(inMemory.AchievedSparsity, report.AchievedSparsity);
        Assert.Equal(ModelStatistics.Of(expected).NonZeroParameters, report.ParametersAfter);
    }

    [Fact]
    public void PruneFile_TruncatedOnnxFile_RejectedAndNoOutputLeft()
    {
        using var dir = new TempFolder();
        var bytes = TestModels.ResNetLike().ToByteArray();
        File.WriteAllBytes(dir.File("in.onnx"), bytes.AsSpan(0, bytes.Length - 1000).ToArray());
        var ex = Assert.Throws<EdgeInferInputException>(() => ModelPruning.PruneFile(dir.File("in.onnx"), dir.File("out.onnx"), new PruneFileOptions(0.5)));
        Assert.Contains("in.onnx", ex.Message);
        Assert.Equal(["in.onnx"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void PruneFile_NotAnOnnxFile_RejectedAndNoOutputLeft()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("in.onnx"), "this is not a protobuf model at all");
        var ex = Assert.Throws<EdgeInferInputException>(() => ModelPruning.PruneFile(dir.File("in.onnx"), dir.File("out.onnx"), new PruneFileOptions(0.5)));
        Assert.Contains("in.onnx", ex.Message);
        Assert.Equal(["in.onnx"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void PruneFile_ChannelOnAStructurallyInvalidModel_RejectedNamingTheFile()
    {
        // Parses as protobuf, but a node reads a tensor nothing produces: the parsing path validates as every load does.
        using var dir = new TempFolder();
        var model = TestModels.ResNetLike();
        model.Graph.Node[0].Input.Add("nothing-produces-this");
        File.WriteAllBytes(dir.File("in.onnx"), model.ToByteArray());

        var ex = Assert.Throws<EdgeInferInputException>(
            () => ModelPruning.PruneFile(dir.File("in.onnx"), dir.File("out.onnx"), new PruneFileOptions(0.5, PruningMethod.Channel)));

        Assert.Contains("in.onnx", ex.Message);
        Assert.Contains("nothing-produces-this", ex.Message);
        Assert.Equal(["in.onnx"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void PruneFile_SameInputAndOutput_Rejected()
    {
        using var dir = new TempFolder();
        File.WriteAllBytes(dir.File("in.onnx"), TestModels.ResNetLike().ToByteArray());
        Assert.Throws<EdgeInferInputException>(() => ModelPruning.PruneFile(dir.File("in.onnx"), dir.File("in.onnx"), new PruneFileOptions(0.5)));
    }

    [Theory]
    [InlineData(PruningMethod.Global)]
    [InlineData(PruningMethod.Layer)]
    [InlineData(PruningMethod.Channel)]
    public void PruneInMemory_SameModelAsPruneFile(PruningMethod method)
    {
        using var dir = new TempFolder();
        var bytes = TestModels.MobileNetLike().ToByteArray();
        File.WriteAllBytes(dir.File("in.onnx"), bytes);
        ModelPruning.PruneFile(dir.File("in.onnx"), dir.File("out.onnx"), new PruneFileOptions(0.6, method));

        var pruned = ModelPruning.PruneInMemory(bytes, new PruneFileOptions(0.6, method));

        Assert.Equal(ModelProto.Parser.ParseFrom(File.ReadAllBytes(dir.File("out.onnx"))), ModelProto.Parser.ParseFrom(pruned));
        Assert.Equal(TestModels.MobileNetLike().ToByteArray(), bytes);
    }

    [Fact]
    public void PruneInMemory_NotOnnxOrBadOptions_Rejected()
    {
        Assert.Throws<EdgeInferInputException>(() => ModelPruning.PruneInMemory([1, 2, 3, 255], new PruneFileOptions(0.5)));
        Assert.Throws<EdgeInferInputException>(() => ModelPruning.PruneInMemory(TestModels.MobileNetLike().ToByteArray(), new PruneFileOptions(1.5)));
    }

    [Fact]
    public void Validated_SeveralProblems_OneMessageListingAll()
    {
        var ex = Assert.Throws<EdgeInferInputException>(
            () => new PruneFileOptions(1.2, PruningMethod.Channel, KeepFirstConvDense: true, MinimumTensorElements: -1).Validated());
        Assert.Contains("pruning factor", ex.Message);
        Assert.Contains("minimum tensor elements", ex.Message);
        Assert.Contains("keep-first-conv", ex.Message);
    }

    [Fact]
    public void Validated_ChannelLs_IsRejectedAsNeedingCalibrationImages()
    {
        // The data-free pipeline has no images; channel-ls is built by Compression's VariantBuilder.
        var ex = Assert.Throws<EdgeInferInputException>(() => new PruneFileOptions(0.5, PruningMethod.ChannelLs).Validated());

        Assert.Contains("channel-ls needs calibration images", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PruneModel_GlobalOnAParsedModel_PrunesItInPlaceAsPruneInMemoryDoes()
    {
        var model = TestModels.MobileNetLike();
        var reference = ModelPruning.PruneInMemory(model.ToByteArray(), new PruneFileOptions(0.6));

        var result = ModelPruning.PruneModel(model, new PruneFileOptions(0.6));

        Assert.Equal(reference, model.ToByteArray());
        Assert.InRange(result.AchievedSparsity, 0.59, 0.61);
    }
}
