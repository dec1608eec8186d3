using System.Collections.Concurrent;
using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// Idle ORT sessions per model file (edge role). A <see cref="RuntimeSession"/> is not thread-safe, so each running
/// inference holds one; admission control bounds how many exist per file. Sessions are opened on first need (with one
/// warm-up run) and kept until the pool is disposed.
/// </summary>
public sealed class SessionPool(RuntimeOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<RuntimeSession>> idle = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<RuntimeSession> all = [];

    /// <summary>The options every session is opened with.</summary>
    public RuntimeOptions Options => options;

    /// <summary>Sessions opened so far.</summary>
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

        session = RuntimeSession.Open(modelPath, options);
        all.Add(session);
        opened = true;
        return session;
    }

    /// <summary>Gives a session back.</summary>
    public void Return(RuntimeSession session) => idle.GetOrAdd(session.ModelPath, _ => []).Add(session);

    public void Dispose()
    {
        foreach (var session in all)
        {
            session.Dispose();
        }
    }
}
