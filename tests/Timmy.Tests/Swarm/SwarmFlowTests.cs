using Timmy.Core.Events;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Tests.Swarm;

/// <summary>A task posted to the running swarm goes through its auction to a persona that really answers it through the
/// cascade router (the loopback fake Ollama), and every step is in the event log.</summary>
public sealed class SwarmFlowTests : IAsyncLifetime
{
    private SwarmWebHost _host = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SwarmWebHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostedTask_IsWonByTheCheapestPersona_AndCompletedThroughTheRouter()
    {
        _host.Inner.Ollama.Default = Router.Fakes.FakeReply.Answer("Here are the **findings**.");

        var posted = await _host.Coordinator.PostAsync(new TaskPost("Debug the failing unit tests in the parser"), "owner", "owner", Ct);
        var done = await _host.FinishedAsync(posted.Id);

        Assert.Equal(SwarmTaskStatus.Completed, done.Status);
        Assert.Equal("forge", done.AssignedAgent);
        Assert.Equal("Here are the **findings**.", done.Result);
        var bids = await _host.Tasks.BidsAsync(posted.Id, Ct);
        var winner = Assert.Single(bids, b => b.Won);
        Assert.Equal(bids.Min(b => b.AmountSats), winner.AmountSats);
        Assert.Equal(winner.AmountSats, done.WinningBidSats);
        var types = await _host.EventTypesAsync(posted.Id);
        Assert.Equal(
            [EventType.TaskCreated, EventType.TaskBidding, EventType.AuctionClosed, EventType.TaskAssigned, EventType.TaskStarted, EventType.TaskCompleted],
            types.Where(t => t is not EventType.BidSubmitted and not EventType.BidDeclined));
        Assert.Equal(bids.Count, types.Count(t => t == EventType.BidSubmitted));
    }
}
