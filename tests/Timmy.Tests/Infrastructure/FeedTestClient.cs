using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Timmy.Tests.Infrastructure;

/// <summary>A test's end of the activity-feed WebSocket: send JSON, receive whole JSON messages.</summary>
public sealed class FeedTestClient(WebSocket socket) : IAsyncDisposable
{
    public WebSocket Socket => socket;

    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var stream = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"Socket closed: {result.CloseStatus} {result.CloseStatusDescription}");
            }
            stream.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    /// <summary>Receives until a message of <paramref name="type"/> arrives, returning it and everything before it.</summary>
    public async Task<(JsonElement Match, List<JsonElement> Before)> ReceiveUntilAsync(string type)
    {
        var before = new List<JsonElement>();
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.GetProperty("type").GetString() == type)
            {
                return (message, before);
            }
            before.Add(message);
        }
    }

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        socket.Dispose();
    }
}
