using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;
using EdgeInfer.Imaging;

namespace EdgeInfer.Accuracy.Tests.Datasets;

public sealed class PreparedDatasetTests
{
    [Fact]
    public void Prepare_TooManyImagesForMemory_ThrowsSuggestingALimit()
    {
        var huge = new GreyscaleImageSet(new IdxArray([100_000, 1, 1], new byte[100_000]), new IdxArray([100_000], new byte[100_000]), ["a"], "huge");

        var ex = Assert.Throws<EdgeInferInputException>(() => PreparedDataset.Prepare(huge, PreprocessOptions.ImageNet, 32));

        Assert.Contains("set the limit to", ex.Message);
    }

    [Fact]
    public void Prepare_Limit_TakesTheFirstImagesInBatches()
    {
        var set = new GreyscaleImageSet(new IdxArray([5, 1, 1], [10, 20, 30, 40, 50]), new IdxArray([5], [0, 1, 0, 1, 0]), ["a", "b"], "five");

        var data = PreparedDataset.Prepare(set, PreprocessOptions.Raw255(1), batchSize: 2, limit: 3);

        Assert.Equal(3, data.ImageCount);
        Assert.Equal([0, 1, 0], data.Batches.SelectMany(b => b.Labels));
        Assert.Equal(30f, data.Batches[1].Data[0], 1e-3f);
    }
}
