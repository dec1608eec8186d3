using System.CommandLine;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Commands.Dataset;

/// <summary>
/// <c>edgeinfer dataset make-subset --from DIR -o DIR</c>: the deterministic class-balanced Fashion-MNIST subset
/// (first N per class in file order of each split), written as gzip IDX files with the standard names.
/// </summary>
internal sealed class DatasetMakeSubsetCommand
{
    private readonly Option<string> from = new("--from")
    {
        Description = "Folder with the Fashion-MNIST gzip IDX files (train-*, t10k-*).",
        DefaultValueFactory = _ => FashionMnist.DebianDirectory,
    };

    private readonly Option<string> output = new("--output", "-o") { Description = "Output folder for the subset.", Required = true };
    private readonly Option<int> trainPerClass = new("--train-per-class")
    {
        Description = "Training images per class.",
        DefaultValueFactory = _ => EmbeddedSubset.TrainPerClass,
    };

    private readonly Option<int> testPerClass = new("--test-per-class")
    {
        Description = "Test images per class.",
        DefaultValueFactory = _ => EmbeddedSubset.TestPerClass,
    };

    private readonly Option<bool> json = CommonOptions.Json();

    public static Command Create() => new DatasetMakeSubsetCommand().Build();

    private Command Build()
    {
        var command = new Command("make-subset", "Write a deterministic class-balanced Fashion-MNIST subset (first N per class) as gzip IDX files.");
        foreach (var option in new Option[] { from, output, trainPerClass, testPerClass, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parse)
    {
        var source = parse.GetValue(from)!;
        var target = parse.GetValue(output)!;
        var trainN = parse.GetValue(trainPerClass);
        var testN = parse.GetValue(testPerClass);
        if (trainN < 1 || testN < 1)
        {
            throw new UsageException($"--train-per-class {trainN} and --test-per-class {testN} must both be at least 1.");
        }

        var files = new List<object>();
        foreach (var (split, perClass) in new[] { ("train", trainN), ("t10k", testN) })
        {
            var subset = GreyscaleImageSet.LoadFashionMnist(source, split).FirstPerClass(perClass);
            var images = Path.Combine(target, FashionMnist.ImagesFile(split));
            var labels = Path.Combine(target, FashionMnist.LabelsFile(split));
            subset.Save(images, labels);
            files.Add(new
            {
                split,
                images = subset.Count,
                imagesFile = images,
                imagesBytes = new FileInfo(images).Length,
                labelsFile = labels,
                labelsBytes = new FileInfo(labels).Length,
            });
        }

        if (parse.GetValue(json))
        {
            CliJson.Write(parse.InvocationConfiguration.Output, new { from = source, output = target, files });
        }
        else
        {
            parse.InvocationConfiguration.Output.WriteLine($"wrote {string.Join(", ", files)}");
        }

        return CliApp.Success;
    }
}
