using EdgeInfer.Runtime.Execution;
using Microsoft.ML.OnnxRuntime;

namespace EdgeInfer.Runtime.Load;

/// <summary>
/// Edge load emulation: L background tasks, each a dedicated thread with its own <see cref="RuntimeSession"/>
/// (one intra-op thread, like one Docker container per task in the paper), running inference back to back
/// until the load is disposed or the token given to <see cref="Start"/> is cancelled. A measurement made while
/// it runs sees real CPU (and memory-bandwidth) contention, not a formula.
/// </summary>
/// <remarks>
/// Sessions are opened one after another on the calling thread (bounding the memory peak of large models),
/// and <see cref="Start"/> returns only when every task has finished its first inference, so the load is
/// fully on when the foreground measurement begins. <see cref="Dispose"/> stops the tasks, aborts any
/// inference in progress (<see cref="RunOptions.Terminate"/>), waits for every thread and releases the sessions.
/// </remarks>
public sealed class EdgeLoad : IDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly CancellationTokenRegistration registration;
    private readonly List<RuntimeSession> sessions = [];
    private readonly List<Thread> threads = [];
    private readonly long[] completed;
    private readonly CountdownEvent started;
    private Exception? fault;
    private int disposed;

    private EdgeLoad(string modelPath, int tasks, CancellationToken cancellationToken)
    {
        ModelPath = modelPath;
        Tasks = tasks;
        completed = new long[tasks];
        started = new CountdownEvent(tasks);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        registration = stop.Token.Register(TerminateAll);
    }

    /// <summary>The model every background task runs.</summary>
    public string ModelPath { get; }

    /// <summary>The number of background tasks, L ≥ 0.</summary>
    public int Tasks { get; }

    /// <summary>Background inferences completed so far, over all tasks.</summary>
    public long CompletedInferences
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < completed.Length; i++)
            {
                sum += Interlocked.Read(ref completed[i]);
            }

            return sum;
        }
    }

    /// <summary>The first failure of a background task after start, if any.</summary>
    public Exception? Fault => Volatile.Read(ref fault);

    /// <summary>
    /// Starts <paramref name="tasks"/> background inference tasks on <paramref name="modelPath"/> and returns once all run.
    /// Zero tasks gives an idle load (nothing runs).
    /// </summary>
    /// <param name="modelPath">ONNX model for the background tasks.</param>
    /// <param name="tasks">Number of concurrent tasks, in [0, 1024].</param>
    /// <param name="intraOpThreadsPerTask">Intra-op threads of each task's session; default 1 (one container, one thread).</param>
    /// <param name="cancellationToken">Stops the load (and aborts a start in progress).</param>
    public static EdgeLoad Start(string modelPath, int tasks, int intraOpThreadsPerTask = 1, CancellationToken cancellationToken = default)
    {
        if (tasks is < 0 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(tasks), tasks, "The edge load must be in [0, 1024] concurrent tasks.");
        }

        var options = new RuntimeOptions { Role = RuntimeRole.Edge, IntraOpThreads = intraOpThreadsPerTask, WarmupRuns = 0, AllowSpinning = false }.Validated();
        var load = new EdgeLoad(modelPath, tasks, cancellationToken);
        try
        {
            for (var i = 0; i < tasks; i++)
            {
                load.stop.Token.ThrowIfCancellationRequested();
                var session = RuntimeSession.Open(modelPath, options);
                lock (load.sessions)
                {
                    load.sessions.Add(session);
                }

                if (load.stop.IsCancellationRequested)
                {
                    session.Terminate();
                }

                var index = i;
                var thread = new Thread(() => load.Loop(index, session)) { IsBackground = true, Name = $"edgeinfer-load-{i}" };
                load.threads.Add(thread);
                thread.Start();
            }

            load.started.Wait(load.stop.Token);
            if (load.Fault is { } failure)
            {
                throw new InvalidOperationException($"An edge load task failed to start: {failure.Message}", failure);
            }

            return load;
        }
        catch
        {
            load.Dispose();
            throw;
        }
    }

    /// <summary>Throws if a background task has failed since start (its results would not be load L).</summary>
    public void ThrowIfFaulted()
    {
        if (Fault is { } failure)
        {
            throw new InvalidOperationException($"An edge load task failed: {failure.Message}", failure);
        }
    }

    /// <summary>Stops every task, waits for every thread to end and releases the sessions. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            stop.Cancel();
        }
        catch (AggregateException)
        {
            // TerminateAll does not throw; nothing else is registered.
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        registration.Dispose();
        foreach (var session in sessions)
        {
            session.Dispose();
        }

        stop.Dispose();
        started.Dispose();
    }

    private void Loop(int index, RuntimeSession session)
    {
        var signalled = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                session.Run();
                Interlocked.Increment(ref completed[index]);
                if (!signalled)
                {
                    signalled = true;
                    started.Signal();
                }
            }
        }
        catch (OnnxRuntimeException) when (stop.IsCancellationRequested)
        {
            // Terminate aborted the run in progress: the normal way to stop.
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref fault, ex, null);
        }
        finally
        {
            if (!signalled)
            {
                started.Signal();
            }
        }
    }

    private void TerminateAll()
    {
        lock (sessions)
        {
            foreach (var session in sessions)
            {
                session.Terminate();
            }
        }
    }
}
