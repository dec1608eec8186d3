using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EdgeInfer.Cli.Tests.Faults;

/// <summary>
/// <c>edgeinfer serve</c> as a real child process (the Cli project's build output, run with <c>dotnet</c>) over a repository,
/// on 127.0.0.1 at a given port, so a test can SIGKILL it and start it again on the same port.
/// </summary>
internal sealed class EdgeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private EdgeProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote on stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>A port free now on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>serve</c> (no warm-up, one inference slot) and waits until <c>/healthz</c> answers.</summary>
    public static async Task<EdgeProcess> StartAsync(string repository, int port, CancellationToken cancellationToken, params string[] extra)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            "exec", CliDll(), "serve", "--urls", $"http://127.0.0.1:{port}", "--repository", repository, "--no-warmup", "--max-concurrency", "1",
            "--intra-op-threads", "1", .. extra,
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var edge = new EdgeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => edge.Append(e.Data);
        process.ErrorDataReceived += (_, e) => edge.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await edge.WaitHealthyAsync(cancellationToken);
        return edge;
    }

    /// <summary>SIGKILL (Process.Kill on Unix), and waits for the exit.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"edgeinfer serve exited with {process.ExitCode}: {Output}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"edgeinfer serve did not answer /healthz within 60 s: {Output}");
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The Cli project's own build output (with its deps.json, so ONNX Runtime's native library resolves), same configuration as this test.</summary>
    private static string CliDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Release/net10.0/
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var dll = Path.Combine(CliRunner.RepositoryRoot(), "src", "EdgeInfer.Cli", "bin", configuration, framework, "edgeinfer.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the Cli project first: {dll} is missing.", dll);
    }
}
