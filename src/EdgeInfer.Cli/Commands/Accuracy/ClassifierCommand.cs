using System.CommandLine;

namespace EdgeInfer.Cli.Commands.Accuracy;

/// <summary><c>edgeinfer classifier train</c>: the pretrained ResNet-18 made a Fashion-MNIST classifier.</summary>
internal static class ClassifierCommand
{
    public static Command Create()
    {
        var command = new Command("classifier", "The real pretrained classifier: ResNet-18 backbone + a trained softmax head (resnet18-fmnist).");
        command.Subcommands.Add(ClassifierTrainCommand.Create());
        return command;
    }
}
