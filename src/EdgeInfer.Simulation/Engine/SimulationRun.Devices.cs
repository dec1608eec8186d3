using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Engine;

/// <summary>Devices: placement, class and model, the serving cell, LOS state and Shannon rates, random-waypoint mobility.</summary>
internal sealed partial class SimulationRun
{
    /// <summary>TR 38.901 UMi: LOS state correlation distance (Table 7.6.3.1-2), metres.</summary>
    private const double LosDecorrelationMeters = 50;

    private double[] deviceX = [];
    private double[] deviceY = [];
    private int[] homeCell = [];
    private int[] deviceCell = [];
    private double[] uplinkRate = [];
    private double[] downlinkRate = [];
    private int[] deviceClass = [];
    private int[] deviceModel = [];
    private long[] lifetimeLeft = [];
    private int[] held = [];
    private int[] downloadHead = [];
    private int[] downloadTail = [];
    private bool[] downloading = [];
    private double[] batteryLeft = [];
    private double[] busyUntil = [];
    private bool[] depleted = [];
    private int[] arrivalVersion = [];
    private bool[] isOn = [];
    private bool[] lineOfSight = [];
    private double[] losX = [];
    private double[] losY = [];
    private Waypoints? waypoints;
    private int[][] classDevices = [];

    private int DeviceCount => deviceX.Length;

    private void PlaceDevices()
    {
        var layout = c.Scenario.Devices;
        var n = layout.DeviceCount;
        deviceX = new double[n];
        deviceY = new double[n];
        homeCell = new int[n];
        deviceCell = new int[n];
        uplinkRate = new double[n];
        downlinkRate = new double[n];
        deviceClass = new int[n];
        deviceModel = new int[n];
        lifetimeLeft = new long[n];
        held = new int[n];
        downloadHead = new int[n];
        downloadTail = new int[n];
        downloading = new bool[n];
        batteryLeft = new double[n];
        busyUntil = new double[n];
        depleted = new bool[n];
        arrivalVersion = new int[n];
        isOn = new bool[n];
        lineOfSight = new bool[n];
        losX = new double[n];
        losY = new double[n];
        Array.Fill(held, -1);
        Array.Fill(downloadHead, -1);
        Array.Fill(downloadTail, -1);

        var cells = c.CellX.Length;
        var grid = layout.Placement == DevicePlacement.Grid ? GridOffsets(layout) : [];
        for (var d = 0; d < n; d++)
        {
            var home = d % cells;
            (double X, double Y) offset = layout.Placement switch
            {
                DevicePlacement.Trace => (layout.Trace[d].XMeters, layout.Trace[d].YMeters),
                DevicePlacement.Grid => grid[(d / cells) % grid.Length],
                DevicePlacement.Disc => RandomInRing(0, layout.OuterRadiusMeters),
                _ => RandomInRing(layout.InnerRadiusMeters, layout.OuterRadiusMeters),
            };
            (deviceX[d], deviceY[d]) = layout.Placement == DevicePlacement.Trace
                ? offset
                : (c.CellX[home] + offset.X, c.CellY[home] + offset.Y);
            homeCell[d] = layout.Placement == DevicePlacement.Trace ? Nearest(deviceX[d], deviceY[d]) : home;
        }

        AssignClassesAndModels(n);
        for (var d = 0; d < n; d++)
        {
            DrawLineOfSight(d);
            UpdateLink(d);
        }

        if (layout.Mobility is { } mobility)
        {
            waypoints = new Waypoints(n, mobility);
        }
    }

    private void AssignClassesAndModels(int n)
    {
        // Classes by share over the device indices (deterministic), models by Zipf popularity (seeded).
        var apps = c.Scenario.Applications;
        var lists = apps.Select(_ => new List<int>()).ToArray();
        var cumulative = 0.0;
        var appClass = 0;
        for (var d = 0; d < n; d++)
        {
            while (appClass < apps.Count - 1 && d >= Math.Round((cumulative + apps[appClass].Share) * n))
            {
                cumulative += apps[appClass].Share;
                appClass++;
            }

            deviceClass[d] = appClass;
            lists[appClass].Add(d);
            deviceModel[d] = c.ModelFor(placementRandom.NextUnit());
            lifetimeLeft[d] = c.RequestsPerLifetime[appClass];
            batteryLeft[d] = c.BatteryJoules[appClass];
        }

        classDevices = [.. lists.Select(l => l.ToArray())];
    }

    private (double X, double Y) RandomInRing(double inner, double outer)
    {
        // Uniform over the area: r = sqrt(u·(R² − r0²) + r0²).
        var r = Math.Sqrt((placementRandom.NextUnit() * ((outer * outer) - (inner * inner))) + (inner * inner));
        var angle = 2 * Math.PI * placementRandom.NextUnit();
        return (r * Math.Cos(angle), r * Math.Sin(angle));
    }

    private static (double X, double Y)[] GridOffsets(DeviceLayout layout)
    {
        var s = layout.GridSpacingMeters;
        var k = (int)Math.Floor(layout.OuterRadiusMeters / s);
        var points = new List<(double X, double Y)>();
        for (var i = -k; i <= k; i++)
        {
            for (var j = -k; j <= k; j++)
            {
                var (x, y) = (i * s, j * s);
                var r = Math.Sqrt((x * x) + (y * y));
                if (r >= Math.Max(layout.InnerRadiusMeters, 1e-9) && r <= layout.OuterRadiusMeters)
                {
                    points.Add((x, y));
                }
            }
        }

        return points.Count > 0 ? [.. points.OrderBy(p => (p.X * p.X) + (p.Y * p.Y)).ThenBy(p => p.X).ThenBy(p => p.Y)] : [(s, 0)];
    }

    private int Nearest(double x, double y)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var cell = 0; cell < c.CellX.Length; cell++)
        {
            var dx = x - c.CellX[cell];
            var dy = y - c.CellY[cell];
            var distance = (dx * dx) + (dy * dy);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (cell, distance);
            }
        }

        return best;
    }

    private void DrawLineOfSight(int d)
    {
        (losX[d], losY[d]) = (deviceX[d], deviceY[d]);
        var condition = c.Scenario.Radio.Condition;
        lineOfSight[d] = condition switch
        {
            ChannelCondition.Los => true,
            ChannelCondition.Nlos => false,
            _ => channelRandom.NextUnit() <= UmiStreetCanyon.LosProbability(new Meters(Distance2D(d, Nearest(deviceX[d], deviceY[d])))),
        };
    }

    /// <summary>The serving cell is the nearest (the cells share their radio parameters, so it has the lowest path loss).</summary>
    private void UpdateLink(int d)
    {
        var cell = Nearest(deviceX[d], deviceY[d]);
        deviceCell[d] = cell;
        var radio = c.Scenario.Radio with
        {
            Distance = new Meters(Distance2D(d, cell)),
            Condition = lineOfSight[d] ? ChannelCondition.Los : ChannelCondition.Nlos,
        };
        var rates = RadioChannel.Evaluate(radio).Rates;
        uplinkRate[d] = rates.Uplink.Value;
        downlinkRate[d] = rates.Downlink.Value;
    }

    /// <summary>d2D clamped to TR 38.901 UMi's validity range [10 m, 5 km].</summary>
    private double Distance2D(int d, int cell)
    {
        var dx = deviceX[d] - c.CellX[cell];
        var dy = deviceY[d] - c.CellY[cell];
        return Math.Clamp(Math.Sqrt((dx * dx) + (dy * dy)), UmiStreetCanyon.MinDistance.Value, UmiStreetCanyon.MaxDistance.Value);
    }

    /// <summary>Moves a mobile device to where it is at <see cref="now"/> and refreshes its cell, LOS state and rates.</summary>
    private void Move(int d)
    {
        if (waypoints is not null)
        {
            // Kept out of line: its closure would otherwise be allocated on every request, mobile or not.
            Walk(d, waypoints);
        }
    }

    private void Walk(int d, Waypoints legs)
    {
        var home = homeCell[d];
        var radius = c.Scenario.Devices.OuterRadiusMeters;
        (double X, double Y) Waypoint()
        {
            var (x, y) = RandomInRing(0, radius);
            return (c.CellX[home] + x, c.CellY[home] + y);
        }

        (deviceX[d], deviceY[d]) = legs.PositionAt(d, now, (deviceX[d], deviceY[d]), Waypoint, ref placementRandom);
        var dx = deviceX[d] - losX[d];
        var dy = deviceY[d] - losY[d];
        if ((dx * dx) + (dy * dy) >= LosDecorrelationMeters * LosDecorrelationMeters)
        {
            DrawLineOfSight(d);
        }

        UpdateLink(d);
    }
}
