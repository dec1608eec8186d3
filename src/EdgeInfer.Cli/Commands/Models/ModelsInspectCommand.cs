using System.CommandLine;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Commands.Models;

/// <summary><c>edgeinfer models inspect PATH</c>: parameters, MACs, size, inputs, outputs and trained/untrained of any ONNX file.</summary>
internal static class ModelsInspectCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var repository = ModelsCommand.RepositoryOption();
        var path = new Argument<string>("path") { Description = "An ONNX file, or NAME[/VARIANT] of a model in the repository." };
        var command = new Command("inspect", "Print parameters, MACs (batch 1), sizeBytes, inputs, outputs and trained for an ONNX model.");
        command.Arguments.Add(path);
        command.Options.Add(json);
        command.Options.Add(repository);
        command.SetAction(parse =>
        {
            var file = Resolve(parse.GetRequiredValue(path), parse.GetValue(repository));
            var info = ModelInspector.Inspect(file);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(output, new
                {
                    path = file,
                    info.Parameters,
                    info.Macs,
                    sizeBytes = info.Size.Value,
                    info.Inputs,
                    info.Outputs,
                    info.Trained,
                    info.Architecture,
                    info.Opset,
                    info.Nodes,
                    info.Producer,
                });
                return CliApp.Success;
            }

            output.WriteLine(file);
            output.WriteLine($"  parameters {info.Parameters:N0} ({ModelsCommand.Human(info.Parameters)})");
            output.WriteLine($"  macs       {(info.Macs is { } m ? $"{m:N0} ({ModelsCommand.Human(m)})" : "unknown (shapes not static)")}");
            output.WriteLine($"  sizeBytes  {info.Size.Value:N0}");
            output.WriteLine($"  inputs     {string.Join("; ", info.Inputs)}");
            output.WriteLine($"  outputs    {string.Join("; ", info.Outputs)}");
            output.WriteLine($"  trained    {info.Trained switch { true => "yes", false => "NO (seeded weights: latency/size only)", null => "unknown" }}");
            output.WriteLine(
                $"  opset {info.Opset}, {info.Nodes} nodes, producer '{info.Producer}'{(info.Architecture is { } a ? $", architecture {a}" : string.Empty)}");
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>An existing file wins; otherwise NAME[/VARIANT] is looked up in the repository.</summary>
    private static string Resolve(string argument, string? repositoryPath)
    {
        if (File.Exists(argument) || argument.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            return Path.GetFullPath(argument);
        }

        var parts = argument.Split('/', 2);
        var repo = ModelRepository.Open(repositoryPath);
        return repo.Get(parts[0], parts.Length > 1 ? parts[1] : ModelRepository.FullVariant).ModelPath;
    }
}
