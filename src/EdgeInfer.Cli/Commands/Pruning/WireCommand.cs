using System.CommandLine;
using System.Diagnostics;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Pruning.Wire;

namespace EdgeInfer.Cli.Commands.Pruning;

/// <summary><c>edgeinfer wire encode|decode IN -o OUT</c>: the .eiw wire format for existing files.</summary>
internal static class WireCommand
{
    public static Command Create()
    {
        var command = new Command("wire", "Encode an ONNX model into the compact .eiw wire format, or decode a wire file back to ONNX.");
        command.Subcommands.Add(Sub("encode", "Encode an ONNX model (sparse tensors as bitmask + packed values, then compression).", encode: true));
        command.Subcommands.Add(Sub("decode", "Decode a .eiw file (checksum, version and structure verified) into ONNX.", encode: false));
        return command;
    }

    private static Command Sub(string name, string description, bool encode)
    {
        var json = CommonOptions.Json();
        var input = new Argument<string>("input") { Description = encode ? "ONNX model file." : "Wire (.eiw) file." };
        var output = new Option<string>("--output", "-o") { Description = encode ? "Wire file to write." : "ONNX file to write.", Required = true };
        var compression = new Option<WireCompression>("--compression")
        {
            Description = "Compression pass: brotli, deflate or none.",
            DefaultValueFactory = _ => WireCompression.Brotli,
        };
        var command = new Command(name, description);
        command.Arguments.Add(input);
        command.Options.Add(output);
        if (encode)
        {
            command.Options.Add(compression);
        }

        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var inPath = parse.GetRequiredValue(input);
            var outPath = parse.GetRequiredValue(output);
            if (!File.Exists(inPath))
            {
                throw new UsageException($"Input '{inPath}' does not exist.");
            }

            var watch = Stopwatch.StartNew();
            var written = encode
                ? WireCodec.EncodeFile(inPath, outPath, new WireOptions(parse.GetValue(compression)))
                : WireCodec.DecodeFile(inPath, outPath);
            var seconds = watch.Elapsed.TotalSeconds;
            var inputBytes = new FileInfo(inPath).Length;
            if (parse.GetValue(json))
            {
                CliJson.Write(
                    parse.InvocationConfiguration.Output,
                    new
                    {
                        operation = name,
                        input = inPath,
                        output = outPath,
                        inputBytes,
                        outputBytes = written,
                        ratio = (double)written / inputBytes,
                        seconds,
                    });
            }
            else
            {
                parse.InvocationConfiguration.Output.WriteLine(
                    $"{name}d {inPath} ({inputBytes} B) -> {outPath} ({written} B, {(double)written / inputBytes:0.000}x) in {seconds:0.000} s");
            }

            return CliApp.Success;
        });
        return command;
    }
}
