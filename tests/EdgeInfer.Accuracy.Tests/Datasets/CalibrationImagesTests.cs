using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;
using EdgeInfer.Imaging;
using EdgeInfer.Models.Building;
using Onnx;

namespace EdgeInfer.Accuracy.Tests.Datasets;

public sealed class CalibrationImagesTests
{
    [Fact]
    public void Provider_ModelWithoutPreprocessingMetadata_GetsTrainingImagesAtItsInputWithImageNetPreprocessing()
    {
        var provider = CalibrationImages.Provider(count: 4);

        var set = provider(TinyNetwork.Build());

        Assert.Equal((4, 3, 224, 224), (set.Count, set.Channels, set.Height, set.Width));
        Assert.Contains(EmbeddedSubset.Train.Description, set.Source, StringComparison.Ordinal);

        // Exactly the images From prepares with the ImageNet preprocessing at 224 (resize 256, crop 224).
        var expected = CalibrationImages.From(EmbeddedSubset.Train, PreprocessOptions.ImageNet, 4);
        Assert.Equal(expected.Images(0, 4).ToArray(), set.Images(0, 4).ToArray());

        // The same preprocessing again: the prepared set is handed out again, not decoded twice.
        Assert.Same(set, provider(TinyNetwork.Build(seed: 2)));
    }

    [Fact]
    public void Provider_ModelWithItsOwnPreprocessing_GetsImagesPreparedThatWay()
    {
        var model = TinyNetwork.Build();
        var own = PreprocessOptions.Raw255(32);
        model.MetadataProps.Add(new StringStringEntryProto { Key = Models.ModelSpecs.PreprocessKey, Value = own.ToSpec() });

        var set = CalibrationImages.Provider(count: 3)(model);

        Assert.Equal((3, 32, 32), (set.Count, set.Height, set.Width));
        Assert.Equal(CalibrationImages.From(EmbeddedSubset.Train, own, 3).Images(0, 3).ToArray(), set.Images(0, 3).ToArray());
    }

    [Fact]
    public void Provider_CountBelowOne_IsAnInputErrorAtOnce() =>
        Assert.Throws<EdgeInferInputException>(() => CalibrationImages.Provider(count: 0));
}
