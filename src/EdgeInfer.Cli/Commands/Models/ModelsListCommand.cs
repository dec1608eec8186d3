using System.CommandLine;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Commands.Models;

/// <summary><c>edgeinfer models list</c>: the buildable catalog and every variant in the repository.</summary>
internal static class ModelsListCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var repository = ModelsCommand.RepositoryOption();
        var command = new Command("list", "List the buildable models and the variants in the model repository.");
        command.Options.Add(json);
        command.Options.Add(repository);
        command.SetAction(parse =>
        {
            var repo = ModelRepository.Open(parse.GetValue(repository));
            var entries = repo.List().Select(ModelsCommand.View).ToList();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(output, new
                {
                    repository = repo.Root,
                    catalog = ModelCatalog.Models.Select(m => new { m.Name, m.Aliases, m.Description, m.Parameters, trained = false }),
                    models = entries,
                });
                return CliApp.Success;
            }

            output.WriteLine("Buildable (untrained, seeded weights):");
            foreach (var m in ModelCatalog.Models)
            {
                output.WriteLine($"  {m.Name,-12} {ModelsCommand.Human(m.Parameters),9} params  {m.Description}");
            }

            output.WriteLine($"Repository {repo.Root}:");
            if (entries.Count == 0)
            {
                output.WriteLine("  (empty: run 'edgeinfer models build NAME' or 'edgeinfer models import PATH --name N')");
            }

            foreach (var e in entries)
            {
                output.WriteLine("  " + ModelsCommand.Line(e));
            }

            return CliApp.Success;
        });
        return command;
    }
}
