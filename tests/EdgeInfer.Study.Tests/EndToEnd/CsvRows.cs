using System.Globalization;

namespace EdgeInfer.Study.Tests.EndToEnd;

/// <summary>Reads a figure CSV (panel,series,axis,x,y,kind) with RFC 4180 quoting.</summary>
internal sealed record CsvRow(string Panel, string Series, string Axis, double X, double Y, string Kind)
{
    public static IReadOnlyList<CsvRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("panel,series,axis,x,y,kind", lines[0]);
        return lines.Skip(1).Select(line =>
        {
            var f = Fields(line);
            Assert.Equal(6, f.Count);
            return new CsvRow(f[0], f[1], f[2], Number(f[3]), Number(f[4]), f[5]);
        }).ToArray();
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static double Number(string text) => text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
