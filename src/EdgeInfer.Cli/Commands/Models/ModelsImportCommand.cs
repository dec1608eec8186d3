using System.CommandLine;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Commands.Models;

/// <summary><c>edgeinfer models import PATH --name N</c>: validates a user ONNX file and copies it into the repository.</summary>
internal static class ModelsImportCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var repository = ModelsCommand.RepositoryOption();
        var path = new Argument<string>("path") { Description = "ONNX model file to import (weights in raw_data or float_data)." };
        var name = new Option<string>("--name") { Description = "Model name in the repository (letters, digits, '.', '_', '-').", Required = true };
        var variant = new Option<string>("--variant") { Description = "Variant name.", DefaultValueFactory = _ => ModelRepository.FullVariant };
        var untrained = new Option<bool>("--untrained") { Description = "Mark the weights as untrained (imports are trained by default)." };
        var command = new Command("import", "Validate an ONNX model (parses, complete, float32 input) and copy it into the model repository.");
        command.Arguments.Add(path);
        command.Options.Add(name);
        command.Options.Add(variant);
        command.Options.Add(untrained);
        command.Options.Add(json);
        command.Options.Add(repository);
        command.SetAction(parse =>
        {
            var source = Path.GetFullPath(parse.GetRequiredValue(path));
            var repo = ModelRepository.Open(parse.GetValue(repository));
            var entry = repo.Import(source, new ModelAddRequest
            {
                Name = parse.GetRequiredValue(name),
                Variant = parse.GetValue(variant) ?? ModelRepository.FullVariant,
                Trained = !parse.GetValue(untrained),
                Source = source,
            });
            var view = ModelsCommand.View(entry);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(output, new { model = view, inputs = entry.Metadata.Inputs, outputs = entry.Metadata.Outputs });
            }
            else
            {
                output.WriteLine(ModelsCommand.Line(view));
                output.WriteLine($"  {view.Path}");
            }

            return CliApp.Success;
        });
        return command;
    }
}
