using System.Net;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Auctions;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Swarm.Pages;

/// <summary>An auction that waits for a remote agent stays open: the control room shows it with its countdown and the
/// bids so far, and the task's page with its countdown.</summary>
public sealed class ControlRoomAuctionTests : IAsyncLifetime
{
    private SwarmWebHost _host = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SwarmWebHost.StartAsync(("Timmy:Swarm:AuctionSeconds", "120"));

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OpenAuction_ShowsCountdownWaitingAgentAndBids_LowestFirst()
    {
        await _host.Factory.Service<AgentRoster>().RegisterRemoteAsync("far-away", "Far Away", ["research"], "token-1", null, Ct);
        var task = await _host.Coordinator.PostAsync(new TaskPost("Research the history of sats"), "owner", "owner", Ct);
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/swarm/live", Ct));
        var fragment = WebUtility.HtmlDecode(await browser.GetStringAsync("/swarm/fragments/control-room", Ct));

        foreach (var html in new[] { page, fragment })
        {
            var auction = html[html.IndexOf($"data-auction=\"{task.Id}\"", StringComparison.Ordinal)..];
            Assert.Matches("data-countdown data-seconds=\"1[01][0-9](\\.[0-9]+)?\"", auction);
            Assert.Contains("waiting for far-away", auction);
            Assert.Matches("<li class=\"bid-chip leading\" data-bid=\"echo\">", auction);
        }
        Assert.Contains("data-swap=\"open-auctions\"", fragment);
        Assert.Contains("data-swap-target=\"open-auctions\"", page);

        await _host.Factory.Service<AuctionHouse>().BidAsync(task.Id, "far-away", 1, "cheap", null, Ct);

        var after = await _host.Tasks.GetAsync(task.Id, Ct);
        Assert.Equal("far-away", after!.AssignedAgent);
        Assert.Equal(1, after.WinningBidSats);
    }

    [Fact]
    public async Task TaskPage_WhileBidding_ShowsTheCountdown_AndIsLive()
    {
        await _host.Factory.Service<AgentRoster>().RegisterRemoteAsync("far-away", "Far Away", [], "token-1", null, Ct);
        var task = await _host.Coordinator.PostAsync(new TaskPost("Research the history of sats"), "owner", "owner", Ct);
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);

        var html = await browser.GetStringAsync($"/swarm/tasks/{task.Id}", Ct);

        Assert.Contains("data-final=\"false\"", html);
        Assert.Contains("data-countdown", html);
        Assert.Contains("The agents are bidding", html);
        Assert.Contains("Scored when the auction closes.", html);
        await _host.Coordinator.CancelAsync(task.Id, "owner", Ct);
    }
}
