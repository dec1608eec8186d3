using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Scenarios;

public sealed class TraceCsvTests
{
    [Fact]
    public void Positions_HeaderInAnyCaseWithSpacesAndABom_IsAccepted()
    {
        var problems = new List<string>();

        var rows = TraceCsv.Positions("\uFEFF X_M , y_m \n 1.5 , -2 \n", problems);

        Assert.Empty(problems);
        Assert.Equal([(1.5, -2.0)], rows);
    }

    [Theory]
    [InlineData("", "is empty; expected the header x_m,y_m and one row per line")]
    [InlineData("\n\n", "is empty; expected the header x_m,y_m and one row per line")]
    [InlineData("x_m,y_m\n", "has a header but no rows")]
    [InlineData("1,2\n3,4\n", "line 1: the first line must be the header x_m,y_m, got \"1,2\"")]
    [InlineData("x_m,y_m\n1,2,3\n", "line 2: expected 2 values (x_m,y_m), got 3")]
    [InlineData("x_m,y_m\n\n1,NaN\n", "line 3: y_m = \"NaN\" is not a finite number")]
    [InlineData("x_m,y_m\ninf,1\n", "line 2: x_m = \"inf\" is not a finite number")]
    public void Positions_BadText_IsReportedWithItsLine(string text, string expected)
    {
        var problems = new List<string>();

        TraceCsv.Positions(text, problems);

        Assert.Equal(expected, Assert.Single(problems));
    }

    [Theory]
    [InlineData("seconds,device\n1,-1\n", "line 2: device = \"-1\" is not a whole number ≥ 0")]
    [InlineData("seconds,device\n1,0.5\n", "line 2: device = \"0.5\" is not a whole number ≥ 0")]
    [InlineData("seconds,device\n-0.1,0\n", "line 2: seconds = \"-0.1\" is not a finite number ≥ 0")]
    [InlineData("x_m,y_m\n1,0\n", "line 1: the first line must be the header seconds,device, got \"x_m,y_m\"")]
    public void Arrivals_BadText_IsReportedWithItsLine(string text, string expected)
    {
        var problems = new List<string>();

        TraceCsv.Arrivals(text, problems);

        Assert.Equal(expected, Assert.Single(problems));
    }

    [Fact]
    public void Arrivals_ManyBadLines_ReportsTheFirstFiveAndACount()
    {
        var problems = new List<string>();
        var text = "seconds,device\n" + string.Concat(Enumerable.Repeat("x,1\n", 8)) + "2,3\n";

        var rows = TraceCsv.Arrivals(text, problems);

        Assert.Equal([(2.0, 3)], rows);
        Assert.Equal(6, problems.Count);
        Assert.Equal("line 2: seconds = \"x\" is not a finite number ≥ 0", problems[0]);
        Assert.Equal("and 3 more bad lines", problems[^1]);
    }
}
