using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// Random-waypoint legs per device, advanced lazily: a device's position is computed only when it makes a request,
/// walking through as many legs (straight line at a drawn speed, then a pause) as have ended since.
/// </summary>
internal sealed class Waypoints(int devices, MobilityOptions options)
{
    private readonly double[] legStart = new double[devices];
    private readonly double[] fromX = new double[devices];
    private readonly double[] fromY = new double[devices];
    private readonly double[] toX = new double[devices];
    private readonly double[] toY = new double[devices];
    private readonly double[] arrive = new double[devices];
    private readonly double[] leave = new double[devices];
    private readonly bool[] started = new bool[devices];

    public (double X, double Y) PositionAt(int d, double now, (double X, double Y) current, Func<(double X, double Y)> drawPoint, ref RandomStream random)
    {
        if (!started[d])
        {
            started[d] = true;
            StartLeg(d, 0, current, drawPoint(), ref random);
        }

        while (now >= leave[d])
        {
            StartLeg(d, leave[d], (toX[d], toY[d]), drawPoint(), ref random);
        }

        if (now >= arrive[d])
        {
            return (toX[d], toY[d]);
        }

        var f = (now - legStart[d]) / (arrive[d] - legStart[d]);
        return (fromX[d] + (f * (toX[d] - fromX[d])), fromY[d] + (f * (toY[d] - fromY[d])));
    }

    private void StartLeg(int d, double at, (double X, double Y) from, (double X, double Y) to, ref RandomStream random)
    {
        var speed = options.MinSpeedMetersPerSecond + ((options.MaxSpeedMetersPerSecond - options.MinSpeedMetersPerSecond) * random.NextUnit());
        var length = Math.Sqrt(((to.X - from.X) * (to.X - from.X)) + ((to.Y - from.Y) * (to.Y - from.Y)));
        legStart[d] = at;
        (fromX[d], fromY[d], toX[d], toY[d]) = (from.X, from.Y, to.X, to.Y);
        arrive[d] = at + (length / speed);
        leave[d] = arrive[d] + Math.Max(options.PauseSeconds, 1e-9);
    }
}
