using EdgeInfer.Device.Execution;
using EdgeInfer.Device.Loadgen;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Edge.Variants;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>
/// <c>loadgen --in-process</c>: the same closed loop as the HTTP load, against the edge server's own inference step
/// (<see cref="InferenceService.InferTensorAsync"/>: admission, variant, pooled session, copy, run, top 5) built from the
/// same options as <c>serve</c> but never listening. Each call starts on a thread-pool thread, as a request does.
/// </summary>
internal static class InProcessLoad
{
    public static async Task<LoadgenReport> RunAsync(
        LoadgenOptions options, string? repository, int maxConcurrency, int? intraOpThreads, CancellationToken cancellationToken)
    {
        options.Validated();
        var serverOptions = new EdgeServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Repository = repository,
            MaxConcurrency = maxConcurrency,
            IntraOpThreads = intraOpThreads,
            QueueLimit = 100_000,
            Warmup = false,
        }.Validated();
        await using var app = EdgeServer.Build(serverOptions);
        var service = app.Services.GetRequiredService<InferenceService>();
        var store = app.Services.GetRequiredService<VariantStore>();
        var spec = options.Variant;
        EdgeInfer.Models.Repository.ModelEntry model;
        try
        {
            model = store.FullModel(options.Model);
        }
        catch (EdgeProblemException ex)
        {
            // The server's 404 for an unknown model is, here, the user's --model.
            throw new Core.EdgeInferInputException(ex.Message, ex);
        }

        var input = model.Metadata.Inputs.FirstOrDefault() ?? throw new Core.EdgeInferInputException($"Model '{options.Model}' has no input.");
        var tensor = DeviceInput.Synthetic(input.Batch1Dims).Body;
        try
        {
            return await LoadGenerator.MeasureAsync(options, ct => Task.Run(async () =>
            {
                try
                {
                    await service.InferTensorAsync(spec, tensor, ct).ConfigureAwait(false);
                    return 200;
                }
                catch (EdgeProblemException ex)
                {
                    return ex.Status;
                }
            }, ct), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            app.Services.GetRequiredService<SessionPool>().Dispose();
        }
    }
}
