using System.Globalization;

namespace EdgeInfer.Study.Tests.EndToEnd;

/// <summary>Reads a figure CSV (panel,series,axis,x,y,kind; no quoted commas in the tiny study).</summary>
internal sealed record CsvRow(string Panel, string Series, string Axis, double X, double Y, string Kind)
{
    public static IReadOnlyList<CsvRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("panel,series,axis,x,y,kind", lines[0]);
        return lines.Skip(1).Select(line =>
        {
            var f = line.Split(',');
            Assert.Equal(6, f.Length);
            return new CsvRow(f[0], f[1], f[2], Number(f[3]), Number(f[4]), f[5]);
        }).ToArray();
    }

    private static double Number(string text) => text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
