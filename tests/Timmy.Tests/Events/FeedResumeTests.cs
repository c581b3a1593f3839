using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

/// <summary>Resuming the activity feed with <c>?since=</c>: every missed event arrives, or a gap says where to resume —
/// never silence. And a server that stops says so with a close frame.</summary>
public sealed class FeedResumeTests : IAsyncLifetime
{
    private const int MaxReplay = 1000;
    private readonly TimmyWebFactory _factory = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(2500)]
    public async Task ResumingFarBehind_SendsUpToTheCap_ThenAGap_NeverSilence(int behind)
    {
        var log = _factory.Service<IEventLog>();
        // bid.* only: nothing in the app logs bids yet, so the count is exactly what the test logged.
        var since = (await log.LogAsync(EventType.BidSubmitted, "before", cancellationToken: Ct)).Id;
        var ids = (await Task.WhenAll(Enumerable.Range(0, behind).Select(i =>
            log.LogAsync(EventType.BidSubmitted, "missed", data: new { i }, cancellationToken: Ct)))).Select(e => e.Id).Order().ToList();

        await using var feed = await _factory.ConnectFeedAsync($"?since={since}&types=bid.*");
        await feed.ReceiveUntilAsync("initial_state");
        var replayed = new List<long>();
        while (replayed.Count < Math.Min(behind, MaxReplay))
        {
            replayed.Add((await feed.ReceiveAsync()).GetProperty("payload").GetProperty("id").GetInt64());
        }
        var live = await log.LogAsync(EventType.BidSubmitted, "live", cancellationToken: Ct);
        var next = await feed.ReceiveAsync();

        Assert.Equal(ids.Take(MaxReplay), replayed);
        if (behind > MaxReplay)
        {
            Assert.Equal("gap", next.GetProperty("type").GetString());
            Assert.Equal(ids[MaxReplay], next.GetProperty("payload").GetProperty("from_id").GetInt64());
            Assert.Equal(behind - MaxReplay, next.GetProperty("payload").GetProperty("missed").GetInt64());
        }
        else
        {
            Assert.Equal("event", next.GetProperty("type").GetString());
            Assert.Equal(live.Id, next.GetProperty("payload").GetProperty("id").GetInt64());
        }
    }

    [Fact]
    public async Task ServerStopping_ClosesTheFeedWith1001()
    {
        await using var feed = await _factory.ConnectFeedAsync();
        await feed.ReceiveUntilAsync("initial_state");

        _factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        WebSocketReceiveResult result;
        do
        {
            result = await feed.Socket.ReceiveAsync(new byte[64 * 1024], timeout.Token);
        }
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, result.CloseStatus);
    }
}
