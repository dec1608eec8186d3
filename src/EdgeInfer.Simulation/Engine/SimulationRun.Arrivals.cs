using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// Arrivals. A Poisson class is one merged stream (rate λ times its devices) whose next request goes to a device drawn
/// uniformly: the superposition of independent Poisson processes is Poisson, so one pending event serves the whole
/// class. On/off devices each have their own state and events; a trace replays its sorted times. Arrivals stop at the
/// end of the measured window; what is in flight then finishes.
/// </summary>
internal sealed partial class SimulationRun
{
    private (double Seconds, int Device)[][] traces = [];

    private void ScheduleFirstArrivals()
    {
        var apps = c.Scenario.Applications;
        traces = new (double, int)[apps.Count][];
        for (var k = 0; k < apps.Count; k++)
        {
            var devices = classDevices[k];
            if (devices.Length == 0)
            {
                continue;
            }

            var arrivals = apps[k].Arrivals;
            switch (arrivals.Kind)
            {
                case ArrivalKind.Poisson:
                    ScheduleClassArrival(k, 0);
                    break;
                case ArrivalKind.OnOff:
                    foreach (var d in devices)
                    {
                        var on = arrivalRandom.NextUnit() * (arrivals.MeanOnSeconds + arrivals.MeanOffSeconds) < arrivals.MeanOnSeconds;
                        isOn[d] = on;
                        ScheduleToggle(d, arrivals, 0);
                        if (on)
                        {
                            events.Schedule(arrivalRandom.NextExponential(arrivals.RatePerSecond), EventKind.DeviceArrival, d, arrivalVersion[d]);
                        }
                    }

                    break;
                default:
                    traces[k] = [.. arrivals.Trace.Where(a => a.Device < devices.Length).OrderBy(a => a.Seconds).ThenBy(a => a.Device)];
                    if (traces[k].Length > 0)
                    {
                        events.Schedule(traces[k][0].Seconds, EventKind.TraceArrival, k, 0);
                    }

                    break;
            }
        }
    }

    private void ScheduleClassArrival(int appClass, double from)
    {
        var rate = c.Scenario.Applications[appClass].Arrivals.RatePerSecond * classDevices[appClass].Length;
        var t = from + arrivalRandom.NextExponential(rate);
        if (t < end)
        {
            events.Schedule(t, EventKind.ClassArrival, appClass, 0);
        }
    }

    private void OnClassArrival(int appClass)
    {
        var devices = classDevices[appClass];
        var d = devices[arrivalRandom.NextInt(devices.Length)];
        ScheduleClassArrival(appClass, now);
        Arrive(d);
    }

    private void ScheduleToggle(int d, ArrivalProcess arrivals, double from)
    {
        var mean = isOn[d] ? arrivals.MeanOnSeconds : arrivals.MeanOffSeconds;
        var t = from + (mean > 0 ? arrivalRandom.NextExponential(1.0 / mean) : 0);
        if (t < end)
        {
            events.Schedule(t, EventKind.DeviceToggle, d, arrivalVersion[d]);
        }
    }

    private void OnDeviceToggle(int d, int version)
    {
        if (version != arrivalVersion[d])
        {
            return;
        }

        var arrivals = c.Scenario.Applications[deviceClass[d]].Arrivals;
        isOn[d] = !isOn[d];
        arrivalVersion[d]++;
        ScheduleToggle(d, arrivals, now);
        if (isOn[d])
        {
            ScheduleDeviceArrival(d, arrivals);
        }
    }

    private void ScheduleDeviceArrival(int d, ArrivalProcess arrivals)
    {
        var t = now + arrivalRandom.NextExponential(arrivals.RatePerSecond);
        if (t < end)
        {
            events.Schedule(t, EventKind.DeviceArrival, d, arrivalVersion[d]);
        }
    }

    private void OnDeviceArrival(int d, int version)
    {
        if (version != arrivalVersion[d] || !isOn[d])
        {
            return;
        }

        ScheduleDeviceArrival(d, c.Scenario.Applications[deviceClass[d]].Arrivals);
        Arrive(d);
    }

    private void OnTraceArrival(int appClass, int position)
    {
        var trace = traces[appClass];
        var d = classDevices[appClass][trace[position].Device];
        if (position + 1 < trace.Length && trace[position + 1].Seconds < end)
        {
            events.Schedule(trace[position + 1].Seconds, EventKind.TraceArrival, appClass, position + 1);
        }

        Arrive(d);
    }
}
