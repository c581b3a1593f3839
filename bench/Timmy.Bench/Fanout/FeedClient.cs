using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace Timmy.Bench.Fanout;

/// <summary>One <c>/ws/events</c> client: connects with the owner's cookie, waits for
/// <c>initial_state</c>, then stamps the arrival time of each benchmark event by its <c>bench_seq</c>.</summary>
public sealed class FeedClient(Uri endpoint, CookieContainer cookies, int events) : IDisposable
{
    private static readonly byte[] EventType = Encoding.UTF8.GetBytes("\"type\":\"event\"");
    private static readonly byte[] GapType = Encoding.UTF8.GetBytes("\"type\":\"gap\"");
    private static readonly byte[] SeqKey = Encoding.UTF8.GetBytes("\"bench_seq\":");

    private readonly ClientWebSocket _socket = new();
    private byte[] _buffer = new byte[8 * 1024];

    /// <summary>Stopwatch timestamp at which event <c>i</c> arrived; 0 if it did not.</summary>
    public long[] Received { get; } = new long[events];

    public int Gaps { get; private set; }

    public Task Listening { get; private set; } = Task.CompletedTask;

    public async Task ConnectAsync(Action onDelivery, CancellationToken ct)
    {
        _socket.Options.Cookies = cookies;
        await _socket.ConnectAsync(endpoint, ct);
        var first = await ReceiveMessageAsync(ct);
        if (first is null || !Encoding.UTF8.GetString(_buffer, 0, Math.Min(first.Value, 40)).Contains("initial_state"))
        {
            throw new InvalidOperationException("The first message was not initial_state.");
        }
        Listening = ListenAsync(onDelivery, ct);
    }

    private async Task ListenAsync(Action onDelivery, CancellationToken ct)
    {
        try
        {
            while (await ReceiveMessageAsync(ct) is { } length)
            {
                var now = Stopwatch.GetTimestamp();
                var message = _buffer.AsSpan(0, length);
                if (message.IndexOf(GapType) >= 0)
                {
                    Gaps++;
                    continue;
                }
                var at = message.IndexOf(SeqKey);
                if (message.IndexOf(EventType) < 0 || at < 0)
                {
                    continue;
                }
                var digits = message[(at + SeqKey.Length)..];
                var seq = 0;
                for (var i = 0; i < digits.Length && char.IsAsciiDigit((char)digits[i]); i++)
                {
                    seq = seq * 10 + (digits[i] - '0');
                }
                if (seq < Received.Length && Received[seq] == 0)
                {
                    Received[seq] = now;
                    onDelivery();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }

    /// <summary>Reads one whole message into the buffer; null when the socket closes.</summary>
    private async Task<int?> ReceiveMessageAsync(CancellationToken ct)
    {
        var count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(count), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            count += result.Count;
            if (result.EndOfMessage)
            {
                return count;
            }
        }
    }

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
    }
}
