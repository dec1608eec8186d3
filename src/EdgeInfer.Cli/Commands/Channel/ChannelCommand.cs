using System.CommandLine;
using System.Globalization;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Cli.Commands.Channel;

/// <summary><c>edgeinfer channel</c>: path loss, SNR and Shannon rates of the 3GPP UMi – Street Canyon link.</summary>
internal static class ChannelCommand
{
    public static Command Create()
    {
        var command = new Command("channel", "Path loss, SNR and Shannon rates (uplink and downlink) of the 3GPP TR 38.901 UMi street canyon link.");
        var json = CommonOptions.Json();
        var radio = new RadioFlags();
        command.Options.Add(json);
        radio.AddTo(command);
        command.SetAction(parse =>
        {
            var options = radio.ValidateAsFlags(radio.Apply(parse, RadioOptions.Default));
            var report = RadioChannel.Evaluate(options);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(output, ChannelOutput.From(report));
            }
            else
            {
                WriteText(output, report);
            }

            return CliApp.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter o, ChannelReport r)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"condition            {r.Condition.ToString().ToLowerInvariant()}"));
        o.WriteLine(string.Create(
            c, $"distance 2D / 3D     {r.Distance2D.Value:F1} m / {r.Distance3D.Value:F2} m (breakpoint {r.BreakpointDistance.Value:F1} m)"));
        o.WriteLine(string.Create(c, $"LOS probability      {r.LosProbability:F4}"));
        o.WriteLine(string.Create(c, $"path loss            {r.PathLoss.Value:F3} dB (LOS {r.LosPathLoss.Value:F3} dB, NLOS {r.NlosPathLoss.Value:F3} dB)"));
        o.WriteLine(string.Create(c, $"uplink   (UE → BS)   SNR {r.Uplink.Snr.Value,8:F3} dB   rate {r.Uplink.Rate.Value / 1e6,10:F2} Mb/s"));
        o.WriteLine(string.Create(c, $"downlink (BS → UE)   SNR {r.Downlink.Snr.Value,8:F3} dB   rate {r.Downlink.Rate.Value / 1e6,10:F2} Mb/s"));
    }
}
