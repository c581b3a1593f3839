using System.Text.Json;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>The event log and the navigation read well on a phone (390 px) and on a desktop (1280 px).</summary>
public sealed class EventLogLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/swarm/events")]
    [InlineData("/router/status")]
    [InlineData("/settings/tokens")]
    public async Task Navigation_OnAPhone_ShowsEveryItemWithoutScrolling(string path)
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync(path);

        var rights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('nav.nav .nav-link')].map((a) => a.getBoundingClientRect().right)");
        Assert.Equal(5, rights.Length);
        Assert.All(rights, r => Assert.True(r <= 390, $"a navigation item ends at {r} px, off a 390 px screen"));
        await Assertions.Expect(page.Locator("nav.nav .nav-link.active")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task EventLog_LiveRows_KeepTheCountLineRight()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var task = "task-count-" + Guid.NewGuid().ToString("N")[..8];
        var page = await context.NewPageAsync();
        await page.GotoAsync("/swarm/events?task_id=" + task);
        await Assertions.Expect(page.Locator("[data-feed-badge]")).ToHaveTextAsync("live");
        var count = page.Locator("[data-event-count]");
        await Assertions.Expect(count).ToHaveTextAsync("No events to show.");

        var first = await PostAsync(context, "task.created", task);
        await Assertions.Expect(count).ToHaveTextAsync($"1 event (#{first})");
        await PostAsync(context, "agent.joined", null);
        var second = await PostAsync(context, "task.assigned", task);

        await Assertions.Expect(count).ToHaveTextAsync($"2 events (ids {first}–{second})");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
    }

    private static async Task<long> PostAsync(IBrowserContext context, string type, string? task, string? agent = null, object? data = null)
    {
        var response = await context.APIRequest.PostAsync("/api/v1/events", new()
        {
            DataObject = new { event_type = type, source = "agent-researcher", task_id = task, agent_id = agent, data = data ?? new { } },
        });
        Assert.Equal(201, response.Status);
        return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("id").GetInt64();
    }
}
