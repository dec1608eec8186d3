using System.CommandLine;
using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Commands.Dataset;

/// <summary><c>edgeinfer dataset inspect PATH|default</c>: image count, classes and per-class counts.</summary>
internal static class DatasetInspectCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("dataset")
        {
            Description = "'default' (embedded Fashion-MNIST test subset), a Fashion-MNIST IDX folder, or an image folder.",
        };
        var json = CommonOptions.Json();
        var command = new Command("inspect", "Show a dataset's image count, classes and images per class.");
        command.Arguments.Add(path);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var source = DatasetResolver.Open(parse.GetValue(path)!);
            var perClass = new int[source.ClassNames.Count];
            for (var i = 0; i < source.Count; i++)
            {
                perClass[source.LabelOf(i)]++;
            }

            var result = new { dataset = source.Description, images = source.Count, classes = source.ClassNames, imagesPerClass = perClass };
            if (parse.GetValue(json))
            {
                CliJson.Write(parse.InvocationConfiguration.Output, result);
            }
            else
            {
                var o = parse.InvocationConfiguration.Output;
                o.WriteLine($"{result.dataset}: {result.images} images, {perClass.Length} classes");
                for (var c = 0; c < perClass.Length; c++)
                {
                    o.WriteLine($"  {c,3} {source.ClassNames[c],-24} {perClass[c]}");
                }
            }

            return 0;
        });
        return command;
    }
}
