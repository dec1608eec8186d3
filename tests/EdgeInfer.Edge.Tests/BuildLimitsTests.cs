using System.Diagnostics;
using System.Net;
using EdgeInfer.Core;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Variants;

namespace EdgeInfer.Edge.Tests;

public sealed class BuildLimitsTests
{
    [Fact]
    public async Task Download_PfOffTheGrid_Is400NamingTheAllowedValues_OnTheGridIsBuilt()
    {
        var ct = TestContext.Current.CancellationToken;
        var grid = FractionGrid.Parse("0.3,0.5");
        await using var server = await TestServer.StartAsync(o => o with { Resources = new() { Builds = new() { PruneGrid = grid } } });

        using var off = await server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.4", ct);
        Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
        var (_, detail) = await Problems.ReadAsync(off);
        Assert.Contains("0.30, 0.50", detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(server.RepositoryRoot, EdgeServer.CacheFolder, "mobilenet", "global-0.40")));

        using var on = await server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5", ct);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
    }

    [Fact]
    public async Task Download_OverTheClientsBuildBudget_Is429WithRetryAfter_CacheHitsStillServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with
        {
            Resources = new() { Builds = new() { BuildsPerClient = 1, BuildWindowSeconds = 300 } },
        });

        using (var first = await server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5", ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.6", ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(Problems.RetryAfterSeconds(second), 250, 300);
        Assert.Equal("Build budget exhausted", (await Problems.ReadAsync(second)).Title);

        using var hit = await server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5", ct);
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        using var full = await server.Client.GetAsync("/v1/models/mobilenet/download", ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Fact]
    public async Task Download_BuildQueueFull_Is503QuicklyWithRetryAfter_SameVariantJoinsTheBuild()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        await using var server = await TestServer.StartAsync(
            o => o with { Resources = new() { Builds = new() { MaxConcurrentBuilds = 1, MaxQueuedBuilds = 0 } } }, pruner);

        var building = server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5", ct);
        await pruner.WaitEnteredAsync();
        var joining = server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5", ct);

        var start = Stopwatch.GetTimestamp();
        using (var refused = await server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.7", ct))
        {
            Assert.True(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(30)); // not held behind the blocked build (up to 60 s)
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(Problems.RetryAfterSeconds(refused) >= 1);
            Assert.Equal("Build queue full", (await Problems.ReadAsync(refused)).Title);
        }

        pruner.Release();
        using var built = await building;
        using var joined = await joining;
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(1, pruner.Prunes);
    }

    [Fact]
    public async Task Scheduler_MemoryBudget_SecondBuildWaitsUntilTheFirstEnds_OversizedRunsAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        var scheduler = new BuildScheduler(maxConcurrent: 4, maxQueued: 4, memoryBudgetBytes: 100);
        var first = await scheduler.EnterAsync(60, ct);
        var second = scheduler.EnterAsync(60, ct);
        await Task.Delay(100, ct);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, scheduler.Queued);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5), ct)).Dispose();

        using var alone = await scheduler.EnterAsync(1000, ct).WaitAsync(TimeSpan.FromSeconds(5), ct);
        var small = scheduler.EnterAsync(1, ct);
        await Task.Delay(100, ct);
        Assert.False(small.IsCompleted); // the oversized build runs alone
        alone.Dispose();
        (await small.WaitAsync(TimeSpan.FromSeconds(5), ct)).Dispose();
        Assert.Equal(0, scheduler.Running);
    }

    [Fact]
    public async Task Scheduler_QueueFull_Throws503_CancelledWaiterLeavesTheQueue()
    {
        var ct = TestContext.Current.CancellationToken;
        var scheduler = new BuildScheduler(maxConcurrent: 1, maxQueued: 1, memoryBudgetBytes: 1 << 30);
        using var running = await scheduler.EnterAsync(1, ct);
        using var cancel = new CancellationTokenSource();
        var waiting = scheduler.EnterAsync(1, cancel.Token);
        var full = await Assert.ThrowsAsync<EdgeProblemException>(() => scheduler.EnterAsync(1, ct));
        Assert.Equal(503, full.Status);
        Assert.NotNull(full.RetryAfterSeconds);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, scheduler.Queued);
    }

    [Theory]
    [InlineData("0.1:0.9:0.1", "0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90")]
    [InlineData("0.7,0.3,0.5", "0.30, 0.50, 0.70")]
    [InlineData(".25", "0.25")]
    public void Grid_Parse_RangeOrList(string text, string values) => Assert.Equal(values, FractionGrid.Parse(text).Describe());

    [Theory]
    [InlineData("0.9:0.1:0.1")]
    [InlineData("0.1:0.9")]
    [InlineData("0.3,abc")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("0.333")]
    public void Grid_ParseBad_NamesTheProblem(string text) =>
        Assert.Contains(text, Assert.Throws<EdgeInferInputException>(() => FractionGrid.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Grid_Default_Is005To095()
    {
        var grid = new EdgeBuildLimits().PruneGrid;
        Assert.Equal(19, grid.Values.Count);
        Assert.True(grid.Contains(0.7));
        Assert.False(grid.Contains(0.33));
    }

    [Fact]
    public void Limits_Invalid_EveryProblemNamed()
    {
        var options = new EdgeServerOptions
        {
            Resources = new() { Builds = new() { MaxQueuedBuilds = -1, BuildsPerClient = 0, BuildWindowSeconds = 0, MemoryBudgetBytes = 5 } },
        };
        var message = Assert.Throws<EdgeInferInputException>(options.Validated).Message;
        Assert.Contains("max queued builds -1", message, StringComparison.Ordinal);
        Assert.Contains("builds per client 0", message, StringComparison.Ordinal);
        Assert.Contains("build window 0 s", message, StringComparison.Ordinal);
        Assert.Contains("build memory budget 5 B", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_SlidingWindow_RetryAfterIsTimeUntilABuildFrees_RefundGivesOneBack_ClientsApart()
    {
        var clock = new ManualClock();
        var budget = new BuildBudget(2, TimeSpan.FromSeconds(60), clock);
        budget.Charge("ip:a");
        clock.Advance(TimeSpan.FromSeconds(20));
        budget.Charge("ip:a");
        Assert.Equal(40, Assert.Throws<EdgeProblemException>(() => budget.Charge("ip:a")).RetryAfterSeconds); // the first frees at 60 s
        budget.Charge("ip:b");

        budget.Refund("ip:a");
        budget.Charge("ip:a");
        clock.Advance(TimeSpan.FromSeconds(41));
        budget.Charge("ip:a"); // the first left the window
        Assert.Equal(429, Assert.Throws<EdgeProblemException>(() => budget.Charge("ip:a")).Status);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
