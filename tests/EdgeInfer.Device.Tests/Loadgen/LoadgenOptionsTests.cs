using EdgeInfer.Core;
using EdgeInfer.Device.Loadgen;

namespace EdgeInfer.Device.Tests.Loadgen;

public sealed class LoadgenOptionsTests
{
    private static LoadgenOptions Poisson(int? devices = 8, double? rate = 5, int requests = 100) => new()
    {
        Edge = new Uri("http://127.0.0.1:1"),
        Model = "mobilenet",
        Arrivals = LoadgenArrivals.Poisson,
        Devices = devices,
        RatePerDevicePerSecond = rate,
        Requests = requests,
    };

    [Fact]
    public void Validated_PoissonWithDevicesAndRate_IsTheSameInstance()
    {
        var options = Poisson();

        Assert.Same(options, options.Validated());
        Assert.Equal(42, options.Seed);
    }

    [Fact]
    public void Problems_PoissonWithoutDevicesOrRate_NamesBoth()
    {
        var problems = Poisson(devices: null, rate: null).Problems();

        Assert.Equal(
            ["arrivals poisson needs devices (how many devices send)", "arrivals poisson needs ratePerDevicePerSecond (requests per second per device)"],
            problems);
    }

    [Theory]
    [InlineData(0, 5.0, "devices 0 is outside [1, 4096]")]
    [InlineData(5000, 5.0, "devices 5000 is outside [1, 4096]")]
    [InlineData(8, 0.0, "ratePerDevicePerSecond 0 must be finite and above 0")]
    [InlineData(8, -1.0, "ratePerDevicePerSecond -1 must be finite and above 0")]
    [InlineData(8, double.NaN, "ratePerDevicePerSecond NaN must be finite and above 0")]
    [InlineData(8, double.PositiveInfinity, "ratePerDevicePerSecond Infinity must be finite and above 0")]
    public void Problems_PoissonOutOfRange_IsNamed(int devices, double rate, string expected) =>
        Assert.Equal([expected], Poisson(devices, rate).Problems());

    [Fact]
    public void Problems_PoissonWithConcurrency_SaysDevicesInstead() =>
        Assert.Equal(
            ["concurrency 4 is for arrivals closed; arrivals poisson takes devices instead"],
            (Poisson() with { Concurrency = 4 }).Problems());

    [Fact]
    public void Problems_ClosedWithDevicesOrRate_SaysPoissonOnly()
    {
        var closed = Poisson() with { Arrivals = LoadgenArrivals.Closed };

        Assert.Equal(["devices and ratePerDevicePerSecond are for arrivals poisson only"], closed.Problems());
        Assert.Empty((closed with { Devices = null, RatePerDevicePerSecond = null }).Problems());
    }

    [Fact]
    public void Problems_PoissonScheduleTooLarge_IsRefusedBeforeAllocating()
    {
        var options = Poisson(devices: 4096, rate: 1000) with { Requests = null, Duration = TimeSpan.FromHours(1) };

        var problem = Assert.Single(options.Problems());

        Assert.StartsWith("devices × ratePerDevicePerSecond × duration = 14745600000 requests is more than 10000000", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validated_SeveralProblems_OneExceptionListsEvery()
    {
        var options = Poisson(devices: 0, rate: -2) with { Requests = null };

        var error = Assert.Throws<EdgeInferInputException>(() => options.Validated());

        Assert.Equal(
            "requests or duration: give exactly one; devices 0 is outside [1, 4096]; ratePerDevicePerSecond -2 must be finite and above 0.",
            error.Message);
    }
}
