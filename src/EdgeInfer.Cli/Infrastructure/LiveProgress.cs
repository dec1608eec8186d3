using System.Text.RegularExpressions;
using Spectre.Console;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// A live progress display on a terminal's stderr (Spectre.Console): lines written through <see cref="Line"/> scroll above
/// a bar that shows the current step, its count, the elapsed time and an ETA. Thread-safe; <see cref="Dispose"/> removes
/// the bar and leaves the lines.
/// </summary>
internal sealed partial class LiveProgress : IDisposable
{
    private const int DescriptionWidth = 48;
    private readonly IAnsiConsole console;
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task rendering;
    private readonly ProgressContext context;
    private readonly Lock gate = new();
    private readonly Dictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);
    private bool disposed;

    public LiveProgress(TextWriter error)
    {
        console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        var ready = new TaskCompletionSource<ProgressContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        rendering = console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                ready.SetResult(ctx);
                await finished.Task.ConfigureAwait(false);
            });
        context = ready.Task.GetAwaiter().GetResult();
    }

    /// <summary>A line above the bar, as the plain mode would print it.</summary>
    public void Line(string text)
    {
        lock (gate)
        {
            console.WriteLine(text);
        }
    }

    /// <summary>
    /// Step <paramref name="step"/> of <paramref name="total"/> of the bar named <paramref name="phase"/> (one bar per phase;
    /// 0 total: no count).
    /// </summary>
    public void Step(string phase, int step, int total, string message)
    {
        lock (gate)
        {
            if (!tasks.TryGetValue(phase, out var task))
            {
                foreach (var other in tasks.Values)
                {
                    other.StopTask();
                }

                task = context.AddTask(phase, maxValue: Math.Max(total, 1));
                tasks[phase] = task;
            }

            task.IsIndeterminate = total <= 0;
            task.MaxValue = Math.Max(total, 1);
            task.Value = Math.Clamp(step, 0, Math.Max(total, 1));
            task.Description = Markup.Escape(Shorten($"{phase}: {message}"));
        }
    }

    /// <summary>
    /// A line of a source that reports text only: printed above the bar, and when it holds a count <c>k/n</c>
    /// (<c>prepared 300/1000 images</c>, <c>[3/12] …</c>), the bar shows it.
    /// </summary>
    public void Report(string phase, string line)
    {
        Line(line);
        var count = Count().Match(line);
        if (count.Success && int.TryParse(count.Groups[1].ValueSpan, out var step) && int.TryParse(count.Groups[2].ValueSpan, out var total) && total > 0)
        {
            Step(phase, step, total, line.Trim());
            return;
        }

        lock (gate)
        {
            if (tasks.TryGetValue(phase, out var task))
            {
                task.Description = Markup.Escape(Shorten($"{phase}: {line.Trim()}"));
                return;
            }
        }

        Step(phase, 0, 0, line.Trim());
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var task in tasks.Values)
            {
                task.StopTask();
            }
        }

        finished.TrySetResult();
        rendering.GetAwaiter().GetResult();
    }

    private static string Shorten(string text) => text.Length <= DescriptionWidth ? text : text[..(DescriptionWidth - 1)] + "…";

    [GeneratedRegex(@"(\d+)\s*/\s*(\d+)")]
    private static partial Regex Count();
}
