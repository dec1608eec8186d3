using System.Collections.Concurrent;
using EdgeInfer.Edge.Api;
using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// Idle ORT sessions per model file (edge role). A <see cref="RuntimeSession"/> is not thread-safe, so each running
/// inference holds one; admission control bounds how many exist per file. Sessions are opened on first need (with one
/// warm-up run) and kept until the file is dropped (<see cref="Drop"/>: the on-demand cache removed it, so a later
/// request prunes again and must open the new file) or the pool is disposed. A file that fails to open (corrupt) is a 500
/// "Corrupt model file" and leaves nothing in the pool.
/// </summary>
public sealed class SessionPool(RuntimeOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<RuntimeSession>> idle = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> generations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RuntimeSession, int> all = new();

    /// <summary>The options every session is opened with.</summary>
    public RuntimeOptions Options => options;

    /// <summary>Sessions open now.</summary>
    public int Opened => all.Count;

    /// <summary>An idle session for <paramref name="modelPath"/>, or a newly opened one.</summary>
    /// <param name="modelPath">Dense ONNX file.</param>
    /// <param name="opened">True when the session was opened (and warmed up) by this call.</param>
    public RuntimeSession Rent(string modelPath, out bool opened)
    {
        if (idle.GetOrAdd(modelPath, _ => []).TryTake(out var session))
        {
            opened = false;
            return session;
        }

        var generation = generations.GetValueOrDefault(modelPath);
        try
        {
            session = RuntimeSession.Open(modelPath, options);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // Nothing was pooled: the next request tries the file again (a rebuilt variant, a replaced repository file).
            throw new EdgeProblemException(500, "Corrupt model file",
                $"The model file {ShortName(modelPath)} could not be loaded ({ex.GetType().Name}: {FirstLine(ex.Message)}); it is not served.");
        }

        all[session] = generation;
        opened = true;
        return session;
    }

    /// <summary>Gives a session back; one of a dropped file is closed instead.</summary>
    public void Return(RuntimeSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (all.TryGetValue(session, out var generation) && generation == generations.GetValueOrDefault(session.ModelPath))
        {
            idle.GetOrAdd(session.ModelPath, _ => []).Add(session);
            return;
        }

        Close(session);
    }

    /// <summary>
    /// Forgets <paramref name="modelPath"/>: its idle sessions are closed now, the ones in use when they come back, and the
    /// next request opens the file anew.
    /// </summary>
    public void Drop(string modelPath)
    {
        generations.AddOrUpdate(modelPath, 1, (_, g) => g + 1);
        if (idle.TryRemove(modelPath, out var sessions))
        {
            foreach (var session in sessions)
            {
                Close(session);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var session in all.Keys)
        {
            Close(session);
        }
    }

    /// <summary>The last three parts of a path (model/variant/file), not the server's folders.</summary>
    private static string ShortName(string path) =>
        string.Join('/', path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).TakeLast(3));

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).ToString();
    }

    private void Close(RuntimeSession session)
    {
        if (all.TryRemove(session, out _))
        {
            session.Dispose();
        }
    }
}
