using System.CommandLine;
using System.Diagnostics;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Commands.Models;

/// <summary><c>edgeinfer models build NAME [--seed S]</c>: builds a catalog network with seeded (untrained) weights into the repository.</summary>
internal static class ModelsBuildCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var repository = ModelsCommand.RepositoryOption();
        var name = new Argument<string>("name")
        {
            Description = "Catalog model: " + string.Join(", ", ModelCatalog.Models.Select(m => m.Name)) + " (aliases accepted).",
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Weight seed; the same seed gives a byte-identical file.",
            DefaultValueFactory = _ => ModelCatalog.DefaultSeed,
        };
        var command = new Command(
            "build",
            "Build a catalog network as ONNX with seeded He-normal weights (UNTRAINED: for latency, size and pruning time, never accuracy).");
        command.Arguments.Add(name);
        command.Options.Add(seed);
        command.Options.Add(json);
        command.Options.Add(repository);
        command.SetAction(parse =>
        {
            var model = ModelCatalog.Find(parse.GetRequiredValue(name));
            var seedValue = parse.GetValue(seed);
            var repo = ModelRepository.Open(parse.GetValue(repository));
            ModelsCommand.Progress(parse, $"building {model.Name} (seed {seedValue})...");
            var total = Stopwatch.StartNew();
            var proto = model.Build(seedValue);
            var buildSeconds = total.Elapsed.TotalSeconds;
            ModelsCommand.Progress(parse, $"built in {buildSeconds:0.000} s; writing to {repo.ModelPath(model.Name)}...");
            var write = Stopwatch.StartNew();
            var entry = repo.Add(proto, model.RepositoryRequest(seedValue));
            var writeSeconds = write.Elapsed.TotalSeconds;
            var totalSeconds = total.Elapsed.TotalSeconds;
            var view = ModelsCommand.View(entry);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(output, new
                {
                    model = view,
                    seed = seedValue,
                    timings = new { buildSeconds, writeSeconds, totalSeconds },
                });
            }
            else
            {
                output.WriteLine(ModelsCommand.Line(view));
                output.WriteLine($"  {view.Path}");
                output.WriteLine($"  build (graph + weights) {buildSeconds:0.000} s, serialize + write {writeSeconds:0.000} s, total {totalSeconds:0.000} s");
            }

            return CliApp.Success;
        });
        return command;
    }
}
