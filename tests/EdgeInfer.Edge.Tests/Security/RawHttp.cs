using System.Net.Sockets;
using System.Text;

namespace EdgeInfer.Edge.Tests.Security;

/// <summary>A bare TCP connection to the server, for what HttpClient hides: idle sockets, keep-alive reuse, stalled bodies.</summary>
public sealed class RawHttp : IDisposable
{
    private readonly TcpClient tcp;

    private RawHttp(TcpClient tcp) => this.tcp = tcp;

    public NetworkStream Stream => tcp.GetStream();

    public static async Task<RawHttp> ConnectAsync(Uri server, CancellationToken ct)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, ct);
        return new RawHttp(tcp);
    }

    /// <summary>Sends <paramref name="text"/> as ASCII.</summary>
    public async Task SendAsync(string text, CancellationToken ct) => await Stream.WriteAsync(Encoding.ASCII.GetBytes(text), ct);

    /// <summary>Reads one response with a Content-Length body (or none); returns the head and the body.</summary>
    public async Task<(string Head, string Body)> ReadResponseAsync(CancellationToken ct)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOf(buffer, "\r\n\r\n"u8)) < 0)
        {
            var n = await Stream.ReadAsync(chunk, ct);
            if (n == 0)
            {
                throw new IOException("closed before a response: " + Encoding.ASCII.GetString([.. buffer]));
            }

            buffer.AddRange(chunk.AsSpan(0, n));
        }

        var head = Encoding.ASCII.GetString([.. buffer.Take(headEnd)]);
        buffer.RemoveRange(0, headEnd + 4);
        var lines = head.Split("\r\n");
        if (lines.Any(l => l.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            var body = new List<byte>();
            while (true)
            {
                int lineEnd;
                while ((lineEnd = IndexOf(buffer, "\r\n"u8)) < 0)
                {
                    await FillAsync(buffer, chunk, ct);
                }

                var size = Convert.ToInt32(Encoding.ASCII.GetString([.. buffer.Take(lineEnd)]).Split(';')[0], 16);
                buffer.RemoveRange(0, lineEnd + 2);
                while (buffer.Count < size + 2)
                {
                    await FillAsync(buffer, chunk, ct);
                }

                body.AddRange(buffer.Take(size));
                buffer.RemoveRange(0, size + 2);
                if (size == 0)
                {
                    return (head, Encoding.UTF8.GetString([.. body]));
                }
            }
        }

        var length = lines.Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        while (buffer.Count < length)
        {
            await FillAsync(buffer, chunk, ct);
        }

        return (head, Encoding.UTF8.GetString([.. buffer.Take(length)]));
    }

    private async Task FillAsync(List<byte> buffer, byte[] chunk, CancellationToken ct)
    {
        var n = await Stream.ReadAsync(chunk, ct);
        if (n == 0)
        {
            throw new IOException("closed in the middle of a response");
        }

        buffer.AddRange(chunk.AsSpan(0, n));
    }

    /// <summary>Whether the server closes the connection (a read returns 0 or fails) within <paramref name="within"/>.</summary>
    public async Task<bool> ClosedWithinAsync(TimeSpan within, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(within);
        try
        {
            var chunk = new byte[1024];
            while (await Stream.ReadAsync(chunk, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => tcp.Dispose();

    private static int IndexOf(List<byte> buffer, ReadOnlySpan<byte> pattern)
    {
        for (var i = 0; i + pattern.Length <= buffer.Count; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = buffer[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
