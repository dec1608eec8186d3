using System.CommandLine;
using EdgeInfer.Cli.Commands.Accuracy;
using EdgeInfer.Cli.Commands.Channel;
using EdgeInfer.Cli.Commands.Dataset;
using EdgeInfer.Cli.Commands.Edge;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Commands.Plan;
using EdgeInfer.Cli.Commands.Profiles;
using EdgeInfer.Cli.Commands.Pruning;
using EdgeInfer.Cli.Commands.Reproduce;
using EdgeInfer.Cli.Commands.Simulation;

namespace EdgeInfer.Cli.Commands;

/// <summary>Every top-level command, in help order. Add a command here and in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return ChannelCommand.Create();
        yield return PlanCommand.Create();
        yield return ModelsCommand.Create();
        yield return PruneCommand.Create();
        yield return QuantizeCommand.Create();
        yield return WireCommand.Create();
        yield return ProfileCommand.Create();
        yield return DatasetCommand.Create();
        yield return ClassifierCommand.Create();
        yield return EvaluateCommand.Create();
        yield return TradeoffCommand.Create();
        yield return ReproduceCommand.Create();
        yield return ServeCommand.Create();
        yield return DeviceCommand.Create();
        yield return LoadgenCommand.Create();
        yield return SoakCommand.Create();
        yield return SimulateCommand.Create();
    }
}
