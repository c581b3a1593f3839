using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.RateLimiting;
using Timmy.Core.Events;

namespace Timmy.Web.Api.Events;

/// <summary>One WebSocket client of the activity feed (ADR-022). It subscribes to the bus first, then
/// sends the snapshot (<c>initial_state</c>), then (on <c>?since=</c>) replays what the client missed
/// from the database, then forwards live events at most <c>websocket_event_throttle</c> per second.
/// Events the client cannot keep up with are dropped from its own buffer only and reported as a
/// <c>gap</c>; the client resumes from the database with <c>?since=</c>.</summary>
public sealed class FeedSession(
    WebSocket socket,
    IEventBus bus,
    IEventStore store,
    EventsOptions options,
    TimeProvider time,
    FeedConnectionRegistry registry,
    ILogger logger)
{
    public const int MaxClientMessageBytes = 4096;
    public const int RecentOnConnect = 50;
    public const int SummaryWindowMinutes = 60;
    private const int ReplayPage = 500;

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private long _lastSentId;

    public async Task RunAsync(long? since, IReadOnlyList<EventTypePattern> types, CancellationToken requestAborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, registry.Stopping);
        using var subscription = bus.Subscribe(options.ActivityFeedBuffer, types);
        Task? receiving = null;
        try
        {
            await SendSnapshotAsync(since, subscription, stop.Token);
            // The receive is never cancelled by the server stopping: a cancelled receive aborts the socket, and the
            // client would see 1006 (no close frame) instead of the 1001 sent below.
            receiving = ReceiveLoopAsync(subscription, requestAborted);
            var sending = SendLoopAsync(subscription, stop.Token);
            await Task.WhenAny(receiving, sending);
            await stop.CancelAsync();
            await Quietly(sending);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the server is stopping; the close below says which.
        }
        await CloseAsync(registry.Stopping.IsCancellationRequested);
        if (receiving is not null)
        {
            // The client answers the close frame; the receive loop ends when it does (or the wait runs out).
            await Quietly(receiving.WaitAsync(CloseTimeout, requestAborted));
        }
    }

    private async Task SendSnapshotAsync(long? since, EventSubscription subscription, CancellationToken ct)
    {
        var latest = await store.LatestIdAsync(ct);
        var types = subscription.Types;
        var recent = since is null
            ? (await store.QueryAsync(new EventQuery { Types = types, Limit = RecentOnConnect, BeforeId = latest + 1 }, ct)).Items
            : [];
        var counts = await store.CountByTypeAsync(time.GetUtcNow().AddMinutes(-SummaryWindowMinutes), ct);
        await SendAsync(FeedMessages.InitialState(new FeedMessages.InitialStatePayload(
            time.GetUtcNow(), latest, types.Select(t => t.Text).ToList(), SummaryWindowMinutes,
            counts.Sum(c => c.Count), counts, recent, registry.Count)), ct);
        _lastSentId = latest;
        if (since is { } from && from < latest)
        {
            await ReplayAsync(from, latest, subscription, ct);
        }
    }

    /// <summary>Sends the matching events in (<paramref name="since"/>, <paramref name="upTo"/>], up to <c>MaxReplay</c>, and
    /// reports the rest of that range as one gap. Events after <paramref name="upTo"/> (the head when the snapshot was
    /// taken) come through the subscription, which was opened first, so the gap's missed events always lie between its
    /// <c>from_id</c> and the next event the client receives.</summary>
    private async Task ReplayAsync(long since, long upTo, EventSubscription subscription, CancellationToken ct)
    {
        var cursor = since;
        var sent = 0;
        long? gapFrom = null;
        long missed = 0;
        while (cursor < upTo)
        {
            var page = await store.ReadAfterAsync(cursor, ReplayPage, ct);
            if (page.Count == 0)
            {
                break;
            }
            foreach (var record in page.TakeWhile(r => r.Id <= upTo))
            {
                if (!EventTypePattern.MatchesAny(subscription.Types, record.EventType))
                {
                    continue;
                }
                if (sent < options.MaxReplay)
                {
                    await SendAsync(FeedMessages.Event(record), ct);
                    sent++;
                }
                else
                {
                    gapFrom ??= record.Id;
                    missed++;
                }
            }
            cursor = page[^1].Id;
        }
        if (gapFrom is { } from)
        {
            await SendAsync(FeedMessages.Gap(new EventGap(missed, from)), ct);
        }
        _lastSentId = upTo;
    }

    private async Task SendLoopAsync(EventSubscription subscription, CancellationToken ct)
    {
        var perSecond = options.WebsocketEventThrottle;
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 1,
            AutoReplenishment = true,
        });
        while (!ct.IsCancellationRequested)
        {
            var item = await subscription.ReadAsync(ct);
            if (item.Gap is { } gap)
            {
                await SendAsync(FeedMessages.Gap(gap), ct);
                continue;
            }
            var record = item.Event!;
            if (record.Id <= _lastSentId)
            {
                continue; // already in the snapshot or the replay
            }
            using var lease = await limiter.AcquireAsync(1, ct);
            await SendAsync(FeedMessages.Event(record), ct);
            _lastSentId = record.Id;
        }
    }

    private async Task ReceiveLoopAsync(EventSubscription subscription, CancellationToken requestAborted)
    {
        var buffer = new byte[MaxClientMessageBytes];
        while (true)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (count == buffer.Length)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, $"messages are limited to {MaxClientMessageBytes} bytes", CancellationToken.None);
                    return;
                }
                result = await socket.ReceiveAsync(buffer.AsMemory(count), requestAborted);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            await HandleClientMessageAsync(buffer.AsMemory(0, count), subscription, requestAborted);
        }
    }

    private async Task HandleClientMessageAsync(ReadOnlyMemory<byte> message, EventSubscription subscription, CancellationToken ct)
    {
        ClientMessage? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ClientMessage>(message.Span, EventJson.Options);
        }
        catch (JsonException)
        {
            await SendAsync(FeedMessages.Error("Messages must be JSON, e.g. {\"action\":\"subscribe\",\"channel\":\"events\",\"types\":[\"task.*\"]}."), ct);
            return;
        }
        switch (parsed?.Action)
        {
            case "ping":
                await SendAsync(FeedMessages.Pong(), ct);
                return;
            case "subscribe" when parsed.Channel is null or "events":
                if (!EventTypePattern.TryParseAll(parsed.Types ?? [], out var patterns, out var error))
                {
                    await SendAsync(FeedMessages.Error(error), ct);
                    return;
                }
                subscription.SetTypes(patterns);
                await SendAsync(FeedMessages.Subscribed(patterns.Select(p => p.Text)), ct);
                return;
            case "subscribe":
                await SendAsync(FeedMessages.Error("The only channel is 'events'."), ct);
                return;
            default:
                await SendAsync(FeedMessages.Error("Unknown action; use 'subscribe' or 'ping'."), ct);
                return;
        }
    }

    private async Task SendAsync(byte[] message, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(bool serverStopping)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(
                serverStopping ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure,
                serverStopping ? "server shutting down" : "bye", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug(ex, "Feed client did not take the close frame");
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or TimeoutException)
        {
        }
    }

    private sealed record ClientMessage(string? Action, string? Channel, IReadOnlyList<string>? Types);
}
