using System.CommandLine;
using System.CommandLine.Parsing;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Cli.Commands.Dataset;
using EdgeInfer.Compression.Calibration;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// The calibration flags of every command that may build a data-aware variant (<c>channel-ls</c>, <c>int8</c>):
/// <c>--calibration PATH|default</c> (where the images come from; default the embedded Fashion-MNIST training subset) and
/// <c>--calibration-images N</c> (how many, default 512). The images are preprocessed with each model's own
/// preprocessing and read only when a variant needs them.
/// </summary>
internal sealed class CalibrationFlags
{
    /// <summary>The source flag's name.</summary>
    public const string SourceName = "--calibration";

    /// <summary>The count flag's name.</summary>
    public const string CountName = "--calibration-images";

    private readonly Option<string> source = new(SourceName)
    {
        Description = "Calibration images for channel-ls and int8: 'default' (the embedded Fashion-MNIST training subset), a folder of "
            + "IDX files (its train split) or an image folder (one sub-folder per class). Never the test images.",
        HelpName = "PATH|default",
        DefaultValueFactory = _ => "default",
    };

    private readonly Option<int> count = new(CountName)
    {
        Description = $"Calibration images used (evenly spaced over the source), at least 1. Default {CalibrationImages.DefaultCount}.",
        DefaultValueFactory = _ => CalibrationImages.DefaultCount,
        CustomParser = ParseCount,
    };

    /// <summary>Adds both flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(source);
        command.Options.Add(count);
    }

    /// <summary>
    /// The calibration provider the flags describe; the source folder is checked now (a missing one is exit 2), the images
    /// are read only when a variant needs them.
    /// </summary>
    public CalibrationProvider Provider(ParseResult parse)
    {
        var path = parse.GetValue(source);
        if (path is not (null or "default") && !Directory.Exists(path))
        {
            // Named now, before any work; the folder itself is read only when a variant needs calibration.
            _ = DatasetResolver.OpenCalibration(path, SourceName);
        }

        var images = parse.GetValue(count);
        var provider = new Lazy<CalibrationProvider>(() => CalibrationImages.Provider(DatasetResolver.OpenCalibration(path, SourceName), images));
        return model => provider.Value(model);
    }

    private static int ParseCount(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }

        result.AddError($"{CountName} '{text}' is not a whole number of images ≥ 1.");
        return CalibrationImages.DefaultCount;
    }
}
