using Timmy.Core.Events;
using Timmy.Core.Refusals;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Router;

namespace Timmy.Tests.Swarm;

/// <summary>Auction rules on the fake clock: personas bid at once, a remote agent is waited for until the auction's time
/// is up, the lowest live bid wins (ties: the earliest), and bad or late bids are refused with nothing stored.</summary>
public sealed class AuctionTests : LoopbackSwarmTests
{
    protected override RouterHarness Configure(RouterHarness harness) => base.Configure(harness).Setting("Timmy:Swarm:AuctionSeconds", "15");

    private Task<SwarmAgent> RemoteAsync(string id) => Roster.RegisterRemoteAsync(id, null, ["coding"], "token-" + id, "token:" + id, Ct);

    [Fact]
    public async Task WithARemoteAgentOnline_TheAuctionWaits_UntilItsTimeIsUp()
    {
        await RemoteAsync("scout");

        var task = await PostAsync("Debug the parser tests");
        Harness.Time.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(SwarmTaskStatus.Bidding, (await Tasks.GetAsync(task.Id, Ct))!.Status);
        Harness.Time.Advance(TimeSpan.FromSeconds(1));

        var assigned = await FinishedAsync(task.Id);
        Assert.Equal((SwarmTaskStatus.Completed, "forge"), (assigned.Status, assigned.AssignedAgent));
        var bids = await Tasks.BidsAsync(task.Id, Ct);
        Assert.Equal(bids.Min(b => b.AmountSats), assigned.WinningBidSats);
        Assert.Equal(["echo", "forge", "seer", "timmy"], bids.Select(b => b.AgentId).Order());
    }

    [Fact]
    public async Task TheLastAgentToAnswer_ClosesTheAuctionEarly_AndTheLowestBidWins()
    {
        await RemoteAsync("scout");
        var task = await PostAsync("Debug the parser tests");

        await Auctions.BidAsync(task.Id, "scout", 3, "cheap", "token:scout", Ct);

        var assigned = await InStatusAsync(task.Id, SwarmTaskStatus.Assigned);
        Assert.Equal("scout", assigned.AssignedAgent);
        Assert.Equal(3, assigned.WinningBidSats);
        Assert.Contains(assigned.RoutingScores, s => s.AgentId == "forge" && s.Score > 0);
        var closed = Assert.Single(await TimelineAsync(task.Id), e => e.EventType == EventType.AuctionClosed);
        Assert.Equal("scout", closed.Data.GetProperty("winner").GetString());
        Assert.Equal(5, closed.Data.GetProperty("bids").GetInt32());
    }

    [Fact]
    public async Task ANewBid_ReplacesTheAgentsEarlierOne_AndEqualBids_GoToTheEarliest()
    {
        await RemoteAsync("scout");
        await RemoteAsync("ranger");
        await RemoteAsync("silent"); // keeps the auction open until its time is up
        var task = await PostAsync("Debug the parser tests");

        await Auctions.BidAsync(task.Id, "scout", 30, null, null, Ct);
        await Auctions.BidAsync(task.Id, "ranger", 2, null, null, Ct);
        await Auctions.BidAsync(task.Id, "scout", 2, null, null, Ct);
        Harness.Time.Advance(TimeSpan.FromSeconds(15));

        var assigned = await InStatusAsync(task.Id, SwarmTaskStatus.Assigned);
        Assert.Equal("ranger", assigned.AssignedAgent);
        var scoutBids = (await Tasks.BidsAsync(task.Id, Ct)).Where(b => b.AgentId == "scout").ToList();
        Assert.Equal([true, false], scoutBids.Select(b => b.Replaced));
    }

    [Fact]
    public async Task NoBids_FailsTheTask_WithNoBids()
    {
        var task = await PostAsync("Debug the parser tests", maxBid: 1);

        var failed = await FinishedAsync(task.Id);

        Assert.Equal(SwarmTaskStatus.Failed, failed.Status);
        Assert.Equal("no bids", failed.Error);
        Assert.Empty(await Tasks.BidsAsync(task.Id, Ct));
        Assert.Equal(4, (await TimelineAsync(task.Id)).Count(e => e.EventType == EventType.BidDeclined));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1001)]
    public async Task ABadBid_IsRefused_AndNothingIsStored(long amount)
    {
        await RemoteAsync("scout");
        var task = await PostAsync("Debug the parser tests", maxBid: 1000);
        var before = await Tasks.BidsAsync(task.Id, Ct);

        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() => Auctions.BidAsync(task.Id, "scout", amount, null, null, Ct));

        Assert.Equal("amount_sats", refused.Field);
        Assert.Equal(before.Count, (await Tasks.BidsAsync(task.Id, Ct)).Count);
        Assert.Equal(SwarmTaskStatus.Bidding, (await Tasks.GetAsync(task.Id, Ct))!.Status);
    }

    [Fact]
    public async Task ABidAfterTheAuctionClosed_IsAConflict()
    {
        await RemoteAsync("scout");
        var task = await PostAsync("Debug the parser tests");
        Harness.Time.Advance(TimeSpan.FromSeconds(15));
        await FinishedAsync(task.Id);

        await Assert.ThrowsAsync<AuctionClosedException>(() => Auctions.BidAsync(task.Id, "scout", 1, null, null, Ct));
        Assert.DoesNotContain(await Tasks.BidsAsync(task.Id, Ct), b => b.AgentId == "scout");
    }

    [Fact]
    public async Task AnOfflineAgent_CannotBid_AndAnAgentGoingOffline_IsNoLongerWaitedFor()
    {
        await RemoteAsync("scout");
        var task = await PostAsync("Debug the parser tests");

        await Roster.DeregisterAsync("scout", "token-scout", null, Ct);

        Assert.Equal(SwarmTaskStatus.Completed, (await FinishedAsync(task.Id)).Status);
        await Assert.ThrowsAsync<AgentConflictException>(() => Auctions.BidAsync(task.Id, "scout", 1, null, null, Ct));
    }

    [Fact]
    public async Task CancellingDuringTheAuction_DropsIt_AndTheTimerDecidesNothing()
    {
        await RemoteAsync("scout");
        var task = await PostAsync("Debug the parser tests");

        await Coordinator.CancelAsync(task.Id, "owner", Ct);
        Harness.Time.Advance(TimeSpan.FromSeconds(20));

        var cancelled = await Tasks.GetAsync(task.Id, Ct);
        Assert.Equal(SwarmTaskStatus.Cancelled, cancelled!.Status);
        Assert.Null(cancelled.AssignedAgent);
        Assert.DoesNotContain(await TimelineAsync(task.Id), e => e.EventType == EventType.AuctionClosed);
        Assert.Empty(Auctions.Open);
    }
}
