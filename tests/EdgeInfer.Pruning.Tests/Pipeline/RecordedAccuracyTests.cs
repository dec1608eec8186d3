using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Tests.Support;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Pruning.Tests.Pipeline;

public sealed class RecordedAccuracyTests
{
    [Fact]
    public void Record_KeysEachVariantByItsName_AndFindLooksItUpByTheVariant()
    {
        using var dir = new TempFolder();
        var channel = ModelVariant.Pruned("cls", PruningMethod.Channel, PruningFactor.Of(0.3));
        RecordedAccuracy.Record(
            dir.Path,
            [RecordedAccuracy.Of(ModelVariant.Full("cls"), 0.848, 0.998, "subset", 1000), RecordedAccuracy.Of(channel, 0.311, 0.864, "subset", 1000)]);

        var read = RecordedAccuracy.Read(dir.Path);

        Assert.Equal(["channel-0.30", "full"], read!.Variants.Select(r => r.Variant));
        Assert.Equal(0.311, read.Find(channel)!.Top1);
        Assert.Equal(0.848, read.Find(ModelVariant.Pruned("cls", PruningMethod.Global, PruningFactor.Zero))!.Top1); // pf 0 is the full model
        Assert.Null(read.Find(ModelVariant.Pruned("cls", PruningMethod.Channel, PruningFactor.Of(0.5))));
        Assert.Null(((ModelAccuracy?)null).Find(channel));
    }

    [Fact]
    public void Read_OldMethodAndFactorFile_NamesPointsAsModelVariantDoes()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File(ModelAccuracy.FileName), """
            { "dataset": "subset (1000 images)", "points": [
              { "method": "channel", "pruningFactor": 0, "top1": 0.848, "top5": 0.998, "images": 1000 },
              { "method": "channel", "pruningFactor": 0.3, "top1": 0.311, "top5": 0.864, "images": 1000 },
              { "method": "global", "pruningFactor": 0.7, "top1": 0.661, "top5": 0.986, "images": 1000 } ] }
            """);

        var read = RecordedAccuracy.Read(dir.Path)!;

        Assert.Equal(["channel-0.30", "full", "global-0.70"], read.Variants.Select(r => r.Variant));
        Assert.Equal(0.661, read.Find(ModelVariant.Pruned("m", PruningMethod.Global, PruningFactor.Of(0.7)))!.Top1);
        Assert.Equal("subset (1000 images)", read.Find(ModelVariant.Full("m"))!.Dataset);
    }
}
