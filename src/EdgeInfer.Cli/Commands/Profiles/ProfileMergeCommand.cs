using System.CommandLine;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary><c>edgeinfer profile merge a.json b.json -o both.json</c>: combines complete profiles by the rules of <see cref="ProfileMerger"/>.</summary>
internal static class ProfileMergeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("profiles") { Description = "Two or more profile files.", Arity = new ArgumentArity(2, 100) };
        var output = new Option<string>("--output", "-o") { Description = "Merged profile file to write.", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("merge", "Merge profiles measured on different machines (e.g. a device profile and an edge profile).");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var files = parse.GetValue(inputs)!;
            var merged = ProfileMerger.Merge(files.Select(f => (f, ProfileFile.ReadComplete(f))).ToArray());
            var path = parse.GetValue(output)!;
            ProfileFile.Write(path, merged);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(stdout, new { output = Path.GetFullPath(path), profile = merged });
            }
            else
            {
                ProfileTable.Write(stdout, merged);
                stdout.WriteLine($"merged profile written to {Path.GetFullPath(path)}");
            }

            return CliApp.Success;
        });
        return command;
    }
}
