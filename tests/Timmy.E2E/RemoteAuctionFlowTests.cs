using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>A remote agent in a live auction, watched from the control room without a reload: the auction waits for the
/// agent (countdown ticking, the personas' bids shown), closes early once the agent bids, and the agent starts, reports
/// its result (rendered on the task's page) and is paid (the marketplace's remote agents). An agent that never answers
/// leaves the auction to its countdown, and a persona wins.</summary>
public sealed partial class RemoteAuctionFlowTests(RemoteAuctionBrowserFixture fixture) : IClassFixture<RemoteAuctionBrowserFixture>
{
    private static readonly string[] RunningPersonas = ["timmy", "echo", "forge", "seer"];

    [Fact]
    public async Task RemoteAgent_BidsLow_ClosesTheAuctionEarly_ThenDeliversAndIsPaid()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var room = await OpenControlRoomAsync(context);
        using var agent = await JoinAsync(context, "render-box", "Render box", "animation", "video");
        try
        {
            // The control room hears the agent join.
            await Assertions.Expect(room.Locator($".swarm-agents [data-agent='{agent.Id}']")).ToHaveAttributeAsync("data-status", "idle");

            var (taskPage, id) = await SwarmPages.PostTaskAsync(context, "Animate the logo on the landing page", "400");

            // The auction is open and waits for the remote agent; the personas have bid already.
            var auction = room.Locator($".open-auctions [data-auction='{id}']");
            await Assertions.Expect(auction).ToBeVisibleAsync();
            await Assertions.Expect(auction.Locator(".auction-task")).ToHaveTextAsync("Animate the logo on the landing page");
            await Assertions.Expect(auction).ToContainTextAsync($"waiting for {agent.Id}");
            var left = Seconds(await auction.Locator("[data-countdown-text]").InnerTextAsync());
            Assert.InRange(left, 1, RemoteAuctionBrowserFixture.AuctionSeconds);
            foreach (var persona in RunningPersonas)
            {
                await Assertions.Expect(auction.Locator($".bid-chip[data-bid='{persona}']")).ToBeVisibleAsync();
            }
            await Assertions.Expect(auction.Locator($".bid-chip[data-bid='{agent.Id}']")).ToHaveCountAsync(0);
            await Assertions.Expect(room.Locator($".recent-tasks [data-task='{id}']")).ToHaveAttributeAsync("data-status", "bidding");
            await Assertions.Expect(taskPage.Locator(".task-summary [data-countdown]")).ToBeVisibleAsync();
            await ShotAsync(room, "remote-1-auction-open");

            // The agent finds the auction by polling for work, and bids under every persona.
            var work = await agent.WorkAsync(waitSeconds: 10);
            var offer = Assert.Single(work.GetProperty("auctions").EnumerateArray(), o => o.GetProperty("task_id").GetString() == id);
            Assert.Equal(400, offer.GetProperty("max_bid_sats").GetInt64());
            await agent.BidAsync(id, 20, "spare GPU time");

            // Everyone it waited for has answered: it closes at once, and the agent wins.
            await Assertions.Expect(auction).ToHaveCountAsync(0);
            var item = room.Locator($".recent-tasks [data-task='{id}']");
            await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "assigned");
            await Assertions.Expect(item).ToContainTextAsync($"{agent.Id} · 20 sats");
            await Assertions.Expect(room.Locator(".open-auctions [data-auctions-empty]")).ToBeVisibleAsync();
            await Assertions.Expect(taskPage.Locator(".bids-table tr[data-won='true']")).ToHaveAttributeAsync("data-bid", agent.Id);
            await Assertions.Expect(taskPage.Locator("[data-task-waiting]")).ToContainTextAsync($"{agent.Id} won the auction and is about to start");
            await ShotAsync(room, "remote-2-won-early");
            await BrowserFixture.ScreenshotAsync(taskPage, "remote-3-task-assigned");
            var detail = await TaskDetailAsync(context, id);
            Assert.True(AuctionClosedAt(detail) < ScheduledClose(detail), "the auction closed before its time was up");

            // The agent's poll now hands it the task; it starts and reports its result (Markdown).
            work = await agent.WorkAsync();
            Assert.Contains(work.GetProperty("assigned").EnumerateArray(), t => t.GetProperty("id").GetString() == id);
            var market = await context.NewPageAsync();
            await market.GotoAsync("/marketplace");
            var row = market.Locator($".remote-table tr[data-agent='{agent.Id}']");
            await Assertions.Expect(row.Locator("td[data-label='Won']")).ToHaveTextAsync("1");
            await Assertions.Expect(row.Locator("td[data-label='Earned']")).ToHaveTextAsync("0 sats");
            await agent.StartAsync(id);
            await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "running");
            await Assertions.Expect(SwarmPages.Status(taskPage)).ToContainTextAsync("running");
            var done = await agent.ResultAsync(id, "# Logo animated\n\nThe logo now **spins** once on hover.\n\n- 24 frames\n- `logo.svg` unchanged");
            Assert.Equal("completed", done.GetProperty("status").GetString());

            await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "completed");
            await Assertions.Expect(room.Locator($".swarm-agents [data-agent='{agent.Id}'] [data-field='earned']")).ToHaveTextAsync("20 sats earned");
            Assert.True(await room.EvaluateAsync<bool>("() => window.e2eNotReloaded === true"), "the control room was never reloaded");

            await Assertions.Expect(SwarmPages.Status(taskPage)).ToContainTextAsync("completed");
            var result = taskPage.Locator("[data-task-result]");
            await Assertions.Expect(result.Locator("h1")).ToHaveTextAsync("Logo animated");
            await Assertions.Expect(result.Locator("strong")).ToHaveTextAsync("spins");
            await Assertions.Expect(result.Locator("li")).ToHaveCountAsync(2);
            await Assertions.Expect(result.Locator("code")).ToHaveTextAsync("logo.svg");
            await Assertions.Expect(result).Not.ToContainTextAsync("# Logo");
            await Assertions.Expect(taskPage.Locator(".timeline-step[data-event-type='task.completed']")).ToContainTextAsync($"Completed by {agent.Id}");
            await BrowserFixture.ScreenshotAsync(taskPage, "remote-4-task-completed");

            // The marketplace, open since before the result, shows what the agent earned; a reload agrees.
            await Assertions.Expect(row.Locator("td[data-label='Completed']")).ToHaveTextAsync("1");
            await Assertions.Expect(row.Locator("td[data-label='Earned']")).ToHaveTextAsync("20 sats");
            await market.ReloadAsync();
            await Assertions.Expect(row.Locator("td[data-label='Earned']")).ToHaveTextAsync("20 sats");
            await Assertions.Expect(row.Locator("td[data-label='Capabilities']")).ToHaveTextAsync("animation, video");
            await BrowserFixture.ScreenshotAsync(market, "remote-5-marketplace");
            Assert.Empty(fixture.ConsoleErrors);
        }
        finally
        {
            await agent.LeaveAsync();
        }
    }

    [Fact]
    public async Task RemoteAgent_ThatNeverBids_LeavesTheAuctionToItsCountdown_AndAPersonaWins()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var room = await OpenControlRoomAsync(context);
        using var agent = await JoinAsync(context, "quiet-box", "Quiet box", "research");
        try
        {
            await Assertions.Expect(room.Locator($".swarm-agents [data-agent='{agent.Id}']")).ToHaveAttributeAsync("data-status", "idle");

            var (taskPage, id) = await SwarmPages.PostTaskAsync(context, "Research the history of sailing ships and summarize it");

            var auction = room.Locator($".open-auctions [data-auction='{id}']");
            await Assertions.Expect(auction).ToContainTextAsync($"waiting for {agent.Id}");
            var countdown = auction.Locator("[data-countdown-text]");
            var first = await countdown.InnerTextAsync();
            await Assertions.Expect(countdown).Not.ToHaveTextAsync(first);
            Assert.True(Seconds(await countdown.InnerTextAsync()) < Seconds(first), $"the countdown goes down from {first}");
            await ShotAsync(room, "remote-6-countdown");

            // The agent is offered the auction but lets it run out.
            var work = await agent.WorkAsync();
            Assert.Contains(work.GetProperty("auctions").EnumerateArray(), o => o.GetProperty("task_id").GetString() == id);

            var closing = new LocatorAssertionsToHaveCountOptions { Timeout = (RemoteAuctionBrowserFixture.AuctionSeconds + 20) * 1000 };
            await Assertions.Expect(auction).ToHaveCountAsync(0, closing);
            var item = room.Locator($".recent-tasks [data-task='{id}']");
            await Assertions.Expect(item).ToContainTextAsync("echo ·");
            await Assertions.Expect(item).Not.ToHaveAttributeAsync("data-status", "bidding");
            await Assertions.Expect(taskPage.Locator(".bids-table tr[data-won='true']")).ToHaveAttributeAsync("data-bid", "echo");
            await Assertions.Expect(taskPage.Locator($".bids-table tr[data-bid='{agent.Id}']")).ToHaveCountAsync(0);
            await ShotAsync(room, "remote-7-persona-won");
            Assert.True(await room.EvaluateAsync<bool>("() => window.e2eNotReloaded === true"), "the control room was never reloaded");

            var detail = await TaskDetailAsync(context, id);
            Assert.True(AuctionClosedAt(detail) >= ScheduledClose(detail).AddSeconds(-1), "the auction ran its full time");
            Assert.Equal("echo", detail.GetProperty("task").GetProperty("assigned_agent").GetString());
            await Assertions.Expect(SwarmPages.Status(taskPage)).ToContainTextAsync("completed");
            Assert.Empty(fixture.ConsoleErrors);
        }
        finally
        {
            await agent.LeaveAsync();
        }
    }

    /// <summary>Opens the control room, waits for its live feed, and marks the window so a test can tell it was never
    /// reloaded.</summary>
    private static async Task<IPage> OpenControlRoomAsync(IBrowserContext context)
    {
        var room = await context.NewPageAsync();
        await room.SetViewportSizeAsync(1280, 1100);
        await room.GotoAsync("/swarm/live");
        await Assertions.Expect(room.Locator(".activity-panel [data-feed-badge]")).ToHaveTextAsync("live");
        await room.EvaluateAsync("() => { window.e2eNotReloaded = true; }");
        return room;
    }

    /// <summary>The owner issues a token with the agents:remote scope (as the API's walk-through does), and an agent
    /// holding it registers.</summary>
    private async Task<RemoteAgentClient> JoinAsync(IBrowserContext owner, string id, string name, params string[] capabilities)
    {
        var response = await owner.APIRequest.PostAsync("/api/v1/tokens", new() { DataObject = new { name = id, scopes = new[] { "agents:remote" } } });
        Assert.Equal(201, response.Status);
        var secret = (await response.JsonAsync())!.Value.GetProperty("secret").GetString()!;
        var agent = new RemoteAgentClient(fixture.Server.BaseUrl, secret, id);
        var registered = await agent.RegisterAsync(name, capabilities);
        Assert.Equal("remote", registered.GetProperty("kind").GetString());
        Assert.Equal("idle", registered.GetProperty("status").GetString());
        return agent;
    }

    private static async Task<JsonElement> TaskDetailAsync(IBrowserContext owner, string id)
    {
        var response = await owner.APIRequest.GetAsync($"/api/v1/tasks/{id}");
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }

    private static DateTimeOffset ScheduledClose(JsonElement detail) =>
        detail.GetProperty("task").GetProperty("auction_closes_at").GetDateTimeOffset();

    private static DateTimeOffset AuctionClosedAt(JsonElement detail) =>
        Assert.Single(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("event_type").GetString() == "auction.closed")
            .GetProperty("timestamp").GetDateTimeOffset();

    /// <summary>"17 s" → 17 (the countdown's words under a minute).</summary>
    private static int Seconds(string countdown) =>
        int.Parse(CountdownWords().Match(countdown) is { Success: true } m ? m.Groups["s"].Value : throw new FormatException(countdown), CultureInfo.InvariantCulture);

    /// <summary>What the window shows (the control room's feed makes the whole page long).</summary>
    private static Task ShotAsync(IPage page, string name) => BrowserFixture.ScreenshotAsync(page, name, fullPage: false);

    [GeneratedRegex(@"^(?<s>\d+) s$")]
    private static partial Regex CountdownWords();
}
