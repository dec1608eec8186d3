using System.CommandLine;
using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Cli.Commands.Dataset;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Files;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Cli.Commands.Accuracy;

/// <summary>
/// <c>edgeinfer classifier train [--input-size 112|224] [--train default|DIR] [--test default|DIR] [-o PATH] [--json]</c>:
/// builds <c>resnet18-fmnist</c> deterministically, writes it atomically and reports its unpruned Top-1/Top-5 on the test set.
/// </summary>
internal sealed class ClassifierTrainCommand
{
    private readonly Option<int> inputSize = new("--input-size")
    {
        Description = "Square input side in pixels: 112 (default) or 224.",
        DefaultValueFactory = _ => 112,
    };
    private readonly Option<string> train = new("--train")
    {
        Description = "'default' (embedded 2,000-image subset) or a Fashion-MNIST IDX folder (its train split, first --train-per-class images of each class).",
        DefaultValueFactory = _ => "default",
    };

    private readonly Option<int> trainPerClass = new("--train-per-class")
    {
        Description = "With --train DIR: training images per class (first in file order).",
        DefaultValueFactory = _ => EmbeddedSubset.TrainPerClass,
    };

    private readonly Option<string> test = new("--test")
    {
        Description = "'default' (embedded 1,000-image subset), a Fashion-MNIST IDX folder (t10k split) or 'none'.",
        DefaultValueFactory = _ => "default",
    };

    private readonly Option<string> l2 = new("--l2")
    {
        Description = "L2 weights of the head (ML.NET scale), comma-separated; several are chosen from by a training hold-out.",
        DefaultValueFactory = _ => "1,10,100,1000",
    };

    private readonly Option<string?> output = new("--output", "-o")
    {
        Description = "Also write the classifier ONNX file here (it always goes into the model repository).",
    };
    private readonly Option<string?> repository = ModelsCommand.RepositoryOption();
    private readonly Option<bool> json = CommonOptions.Json();

    public static Command Create() => new ClassifierTrainCommand().Build();

    private Command Build()
    {
        var command = new Command(
            "train",
            "Build resnet18-fmnist: backbone features of the training images, ML.NET softmax head, one stitched ONNX classifier.");
        foreach (var o in new Option[] { inputSize, train, trainPerClass, test, l2, output, repository, json })
        {
            command.Options.Add(o);
        }

        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parse)
    {
        using var progress = new LineProgress(parse.InvocationConfiguration.Error, "classifier train");
        var options = new ClassifierOptions { InputSize = parse.GetValue(inputSize), L2Candidates = ParseList(parse.GetValue(l2)!) };
        var trainValue = parse.GetValue(train)!;
        if (parse.GetValue(trainPerClass) < 1)
        {
            throw new UsageException($"--train-per-class {parse.GetValue(trainPerClass)} must be at least 1.");
        }

        ILabelledImageSource trainSource = trainValue == "default"
            ? EmbeddedSubset.Train
            : GreyscaleImageSet.LoadFashionMnist(trainValue, "train").FirstPerClass(parse.GetValue(trainPerClass));
        var built = ClassifierBuilder.Build(options, trainSource, progress);
        var repo = ModelRepository.Open(parse.GetValue(repository));
        var request = new ModelAddRequest
        {
            Name = options.Name,
            Trained = true,
            Architecture = "resnet18",
            Source = ClassifierBuilder.SourceDescription(trainSource),
        };
        var entry = repo.Add(request, stream => stream.Write(built.Model));
        progress.Report($"added {entry.Name}/{entry.Variant} to {repo.Root} ({built.Model.Length} bytes)");
        if (parse.GetValue(output) is { } extra)
        {
            AtomicFile.WriteAllBytes(extra, built.Model);
            progress.Report($"wrote {extra}");
        }

        var result = new
        {
            name = options.Name,
            path = entry.ModelPath,
            sizeBytes = built.Model.Length,
            inputSize = built.InputSize,
            trained = true,
            trainImages = built.TrainImages,
            trainTop1 = built.TrainTop1,
            l2Regularization = built.L2Regularization,
            featureSeconds = built.FeatureSeconds,
            trainSeconds = built.TrainSeconds,
            test = Test(parse.GetValue(test)!, built, progress),
        };

        // The human-readable form is the same object, indented.
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(json))
        {
            CliJson.Write(stdout, result);
        }
        else
        {
            stdout.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, CliJson.Options));
        }

        return CliApp.Success;
    }

    /// <summary>The unpruned Top-1/Top-5 on the test set, or null for <c>--test none</c>.</summary>
    private static object? Test(string testValue, BuiltClassifier built, LineProgress progress)
    {
        if (testValue == "none")
        {
            return null;
        }

        var testSource = DatasetResolver.Open(testValue);
        var data = PreparedDataset.Prepare(testSource, BackboneGraph.Preprocessing(built.InputSize), 32);
        var point = Evaluator.Evaluate(built.Model, data, [PruningFactor.Zero], method: null, progress: progress)[0];
        return new { dataset = testSource.Description, images = point.Images, top1 = point.Top1, top5 = point.Top5, imagesPerSecond = point.ImagesPerSecond };
    }

    private static float[] ParseList(string value)
    {
        try
        {
            return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
                .ToArray();
        }
        catch (FormatException)
        {
            throw new UsageException($"--l2 '{value}' is not a comma-separated list of numbers.");
        }
    }
}
