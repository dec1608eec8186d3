using System.Globalization;
using CsCheck;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Scenarios;

public sealed class CellScenarioJsonPropertyTests
{
    private static readonly Gen<(double Duration, double Warmup, int Threshold, int Count, double Inner, double Width)> GenRoot =
        Gen.Select(Gen.Double[1e-3, 1e6], Gen.Double[0, 1e5], Gen.Int[1, 10_000], Gen.Int[1, 1_000_000], Gen.Double[0, 500], Gen.Double[1e-3, 5000]);

    private static readonly Gen<(double Share, double Rate, double MinTop1, double Deadline, long Q, double Battery)> GenApplication =
        Gen.Select(Gen.Double[0.01, 0.99], Gen.Double[1e-6, 100], Gen.Double[0, 1], Gen.Double[1e-3, 100], Gen.Long[1, 1_000_000_000], Gen.Double[1e-3, 1e4]);

    private static readonly Gen<(long Size, double Device, double Edge, double Prune, double Top1, double Zipf)> GenVariant =
        Gen.Select(Gen.Long[1, 1_000_000_000_000], Gen.Double[1e-6, 1e3], Gen.Double[1e-6, 1e3], Gen.Double[1e-6, 1e5], Gen.Double[0, 1], Gen.Double[0, 5]);

    private static readonly Gen<(int Cores, long Capacity, double Factor, double Power)> GenEdge =
        Gen.Select(Gen.Int[1, 4096], Gen.Long[0, 1_000_000_000_000_000], Gen.Double[1e-3, 1e3], Gen.Double[0, 1e4]);

    [Fact]
    public void Parse_RandomValidNumbers_ArriveUnchangedInTheRecord()
    {
        Gen.Select(GenRoot, GenApplication, GenVariant, GenEdge).Sample((root, app, variant, edge) =>
        {
            var json = $$"""
                {
                  "devices": { "count": {{root.Count}}, "innerRadiusMeters": {{R(root.Inner)}}, "outerRadiusMeters": {{R(root.Inner + root.Width)}} },
                  "applications": [
                    { "share": {{R(app.Share)}}, "minTop1": {{R(app.MinTop1)}}, "deadlineSeconds": {{R(app.Deadline)}}, "requestsPerLifetime": {{app.Q}},
                      "batteryWh": {{R(app.Battery)}}, "arrivals": { "ratePerSecond": {{R(app.Rate)}} } },
                    { "share": {{R(1 - app.Share)}} }
                  ],
                  "catalog": {
                    "models": [{ "name": "m", "variants": [
                      { "name": "full", "sizeBytes": {{variant.Size}}, "deviceInferenceSeconds": {{R(variant.Device)}},
                        "edgeInferenceSeconds": {{R(variant.Edge)}}, "top1": {{R(variant.Top1)}} },
                      { "name": "p", "sizeBytes": {{variant.Size}}, "deviceInferenceSeconds": {{R(variant.Device)}},
                        "edgeInferenceSeconds": {{R(variant.Edge)}}, "pruneSeconds": {{R(variant.Prune)}} } ] }],
                    "zipfExponent": {{R(variant.Zipf)}}
                  },
                  "edge": { "cores": {{edge.Cores}}, "slowdown": [[0, 1], [3, {{R(edge.Factor)}}]], "computePowerWatts": {{R(edge.Power)}},
                            "store": { "capacityBytes": {{edge.Capacity}} } },
                  "thresholdJobs": {{root.Threshold}},
                  "durationSeconds": {{R(root.Duration)}},
                  "warmupSeconds": {{R(root.Warmup)}}
                }
                """;

            var scenario = CellScenarioJson.Parse(json);

            var devices = scenario.Devices;
            Assert.Equal((root.Count, root.Inner, root.Inner + root.Width), (devices.Count, devices.InnerRadiusMeters, devices.OuterRadiusMeters));
            var first = scenario.Applications[0];
            Assert.Equal(
                (app.Share, (double?)app.MinTop1, (double?)app.Deadline, app.Q, (double?)app.Battery, app.Rate),
                (first.Share, first.MinTop1, first.Deadline?.Value, first.RequestsPerLifetime, first.Battery?.Value, first.Arrivals.RatePerSecond));
            Assert.Equal(1 - app.Share, scenario.Applications[1].Share);
            var model = Assert.Single(scenario.Catalog.Models);
            Assert.Equal(
                new SimulatedVariant
                {
                    Name = "full",
                    Size = new Bytes(variant.Size),
                    DeviceInference = new Seconds(variant.Device),
                    EdgeInference = new Seconds(variant.Edge),
                    Top1 = variant.Top1,
                },
                model.Variants[0]);
            Assert.Equal(new Seconds(variant.Prune), model.Variants[1].Prune);
            Assert.Equal(variant.Zipf, scenario.Catalog.ZipfExponent);
            Assert.Equal(
                (edge.Cores, edge.Capacity, edge.Power),
                (scenario.Edge.Cores, scenario.Edge.Store.Capacity.Value, scenario.Edge.ComputePower.Value));
            Assert.Equal([(0, 1.0), (3, edge.Factor)], scenario.Edge.Slowdown);
            Assert.Equal(
                (root.Threshold, root.Duration, root.Warmup),
                (scenario.ThresholdJobs, scenario.Duration.Value, scenario.Warmup.Value));
        });
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
