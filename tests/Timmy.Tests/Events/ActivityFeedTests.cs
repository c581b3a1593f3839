using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

public sealed class ActivityFeedTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private IEventLog _log = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Timmy:Events:ActivityFeedBuffer"] = "5";
        _factory.Settings["Timmy:Events:WebsocketEventThrottle"] = "5";
        _factory.Settings["Timmy:Events:MaxConnectionsPerAddress"] = "4";
        _log = _factory.Service<IEventLog>();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Connect_FirstMessageIsInitialState_WithRecentEventsAndSummary()
    {
        var earlier = await _log.LogAsync(EventType.TaskCreated, "test", "t1", cancellationToken: Ct);

        await using var feed = await _factory.ConnectFeedAsync();
        var first = await feed.ReceiveAsync();

        Assert.Equal("initial_state", first.GetProperty("type").GetString());
        var payload = first.GetProperty("payload");
        Assert.True(payload.GetProperty("last_event_id").GetInt64() >= earlier.Id);
        Assert.Contains(payload.GetProperty("recent").EnumerateArray(), e => e.GetProperty("id").GetInt64() == earlier.Id);
        Assert.True(payload.GetProperty("summary_total").GetInt64() >= 1);
    }

    [Fact]
    public async Task LiveEvent_ArrivesWithDataAsAnObject()
    {
        await using var feed = await _factory.ConnectFeedAsync();
        await feed.ReceiveUntilAsync("initial_state");

        var logged = await _log.LogAsync(EventType.AgentJoined, "registry", agentId: "echo", data: new { name = "Echo" }, cancellationToken: Ct);
        var message = await feed.ReceiveAsync();

        Assert.Equal("event", message.GetProperty("type").GetString());
        var payload = message.GetProperty("payload");
        Assert.Equal(logged.Id, payload.GetProperty("id").GetInt64());
        Assert.Equal("agent.joined", payload.GetProperty("event_type").GetString());
        Assert.Equal("echo", payload.GetProperty("agent_id").GetString());
        Assert.Equal(JsonValueKind.Object, payload.GetProperty("data").ValueKind);
        Assert.Equal("Echo", payload.GetProperty("data").GetProperty("name").GetString());
        foreach (var key in new[] { "source", "task_id", "timestamp" })
        {
            Assert.True(payload.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public async Task Subscribe_WithTypes_OnlyMatchingEventsArrive()
    {
        await using var feed = await _factory.ConnectFeedAsync();
        await feed.ReceiveUntilAsync("initial_state");

        await feed.SendAsync("""{"action":"subscribe","channel":"events","types":["task.*","agent.joined"]}""");
        var ack = await feed.ReceiveAsync();
        await _log.LogAsync(EventType.SystemInfo, "noise", cancellationToken: Ct);
        var wanted = await _log.LogAsync(EventType.TaskStarted, "coordinator", "t9", cancellationToken: Ct);
        var message = await feed.ReceiveAsync();

        Assert.Equal("subscribed", ack.GetProperty("type").GetString());
        Assert.Equal(wanted.Id, message.GetProperty("payload").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Subscribe_BadMessage_GetsErrorAndConnectionStaysUsable()
    {
        await using var feed = await _factory.ConnectFeedAsync();
        await feed.ReceiveUntilAsync("initial_state");

        await feed.SendAsync("{not json");
        var error1 = await feed.ReceiveAsync();
        await feed.SendAsync("""{"action":"subscribe","types":["Nope Nope"]}""");
        var error2 = await feed.ReceiveAsync();
        await feed.SendAsync("""{"action":"ping"}""");
        var pong = await feed.ReceiveAsync();

        Assert.Equal("error", error1.GetProperty("type").GetString());
        Assert.Equal("error", error2.GetProperty("type").GetString());
        Assert.Equal("pong", pong.GetProperty("type").GetString());
    }

    [Fact]
    public async Task QueryTypes_FilterFromTheStart()
    {
        await using var feed = await _factory.ConnectFeedAsync("?types=bid.*");
        var initial = await feed.ReceiveAsync();
        await _log.LogAsync(EventType.TaskCreated, "x", cancellationToken: Ct);
        var bid = await _log.LogAsync(EventType.BidSubmitted, "auction", cancellationToken: Ct);

        var message = await feed.ReceiveAsync();

        Assert.Equal("bid.*", initial.GetProperty("payload").GetProperty("types")[0].GetString());
        Assert.Equal(bid.Id, message.GetProperty("payload").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task SlowClient_GetsGap_ThenResumeReplaysEverythingMissedFromTheDatabase()
    {
        var feed = await _factory.ConnectFeedAsync();
        var initial = await feed.ReceiveUntilAsync("initial_state");
        var lastSeen = initial.Match.GetProperty("payload").GetProperty("last_event_id").GetInt64();

        // Burst far beyond the 5-event buffer while the client is not reading.
        var logged = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            logged.Add((await _log.LogAsync(EventType.BidSubmitted, "burst", data: new { i }, cancellationToken: Ct)).Id);
        }
        var (gap, received) = await feed.ReceiveUntilAsync("gap");
        var receivedIds = received.Select(m => m.GetProperty("payload").GetProperty("id").GetInt64()).ToList();
        if (receivedIds.Count > 0)
        {
            lastSeen = receivedIds[^1];
        }
        Assert.True(gap.GetProperty("payload").GetProperty("missed").GetInt64() > 0);
        Assert.True(gap.GetProperty("payload").GetProperty("from_id").GetInt64() > lastSeen);
        await feed.DisposeAsync();

        await using var resumed = await _factory.ConnectFeedAsync($"?since={lastSeen}");
        await resumed.ReceiveUntilAsync("initial_state");
        var replayed = new List<long>();
        while (replayed.Count < logged.Count(id => id > lastSeen))
        {
            replayed.Add((await resumed.ReceiveAsync()).GetProperty("payload").GetProperty("id").GetInt64());
        }

        Assert.Equal(logged.Where(id => id > lastSeen), replayed);
    }

    [Fact]
    public async Task BadSince_Returns400BeforeUpgrade()
    {
        var client = await _factory.CreateOwnerClientAsync();

        var response = await client.GetAsync("/ws/events?since=abc", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_UpgradeIsRefused()
    {
        var client = _factory.Server.CreateWebSocketClient();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(new Uri(_factory.Server.BaseAddress, "ws/events"), Ct));

        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task TokenWithoutEventsRead_IsRefused()
    {
        var token = await _factory.CreateTokenAsync(Timmy.Core.Security.ApiScopes.Chat);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => _factory.ConnectFeedAsync(token: token));

        Assert.Contains("403", error.Message);
    }

    [Fact]
    public async Task PerAddressCap_RefusesTheConnectionOverTheLimit()
    {
        var open = new List<FeedTestClient>();
        for (var i = 0; i < 4; i++)
        {
            open.Add(await _factory.ConnectFeedAsync());
            await open[^1].ReceiveUntilAsync("initial_state");
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(() => _factory.ConnectFeedAsync());

        Assert.Contains("429", error.Message);
        foreach (var client in open)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task ClientClose_RemovesItsSubscription()
    {
        var bus = _factory.Service<IEventBus>();
        var feed = await _factory.ConnectFeedAsync();
        await feed.ReceiveUntilAsync("initial_state");
        var during = bus.SubscriberCount;

        await feed.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Ct);
        feed.Socket.Dispose();

        await Eventually.TrueAsync(() => Task.FromResult(bus.SubscriberCount == during - 1), "the server drops the closed client's subscription");
    }
}
