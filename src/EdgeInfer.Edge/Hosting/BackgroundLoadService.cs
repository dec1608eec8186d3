using EdgeInfer.Edge.Variants;
using EdgeInfer.Models.Repository;
using EdgeInfer.Runtime.Load;
using Microsoft.Extensions.Hosting;

namespace EdgeInfer.Edge.Hosting;

/// <summary>
/// <c>--background-load L</c>: L continuous inference tasks inside the server (<see cref="EdgeLoad"/>, one session and one
/// thread each), the paper's edge load, started before the server takes requests and stopped at shutdown.
/// </summary>
public sealed class BackgroundLoadService(EdgeServerOptions options, VariantStore store) : IHostedService, IDisposable
{
    private EdgeLoad? load;

    /// <summary>The running load, or null when L = 0.</summary>
    public EdgeLoad? Load => load;

    /// <summary>The model the load runs, or null.</summary>
    public string? Model { get; private set; }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.BackgroundLoad == 0)
        {
            return Task.CompletedTask;
        }

        var entries = store.Repository.List().Where(e => e.Variant == ModelRepository.FullVariant).ToList();
        var entry = options.BackgroundLoadModel is { } name
            ? store.FullModel(name)
            : entries.FirstOrDefault(e => e.Name == "mobilenet") ?? entries.FirstOrDefault()
              ?? throw new Core.EdgeInferInputException(
                  $"background load {options.BackgroundLoad} needs a model, but repository '{store.Repository.Root}' is empty.");
        Model = entry.Name;
        load = EdgeLoad.Start(entry.ModelPath, options.BackgroundLoad, cancellationToken: cancellationToken);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        load?.Dispose();
        load = null;
    }
}
