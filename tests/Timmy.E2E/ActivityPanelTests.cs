using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>The live activity panel and the summary cards over it, on Home and on Live.</summary>
public sealed class ActivityPanelTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Feed_ShowsUtcClockTimes_WithTheFullTimestampInTheTitle()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenLiveAsync(context, "/swarm/live");

        var (id, timestamp) = await PostAsync(context, "system.info");

        var time = page.Locator($".activity-item[data-event-id='{id}'] .activity-time");
        await Assertions.Expect(time).ToHaveTextAsync(timestamp.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");
        await Assertions.Expect(time).ToHaveAttributeAsync("title", timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC");
    }

    [Fact]
    public async Task ProblemsCard_CountsErrorsAndWarnings_AsTheyArrive()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenLiveAsync(context, "/swarm/live");
        var problems = page.Locator("[data-summary-card='problems'] [data-summary-value]");
        var before = int.Parse(await problems.InnerTextAsync());

        await PostAsync(context, "system.error");
        await PostAsync(context, "system.warning");

        await Assertions.Expect(problems).ToHaveTextAsync((before + 2).ToString());
        await page.ReloadAsync();
        await Assertions.Expect(problems).ToHaveTextAsync((before + 2).ToString());
    }

    [Fact]
    public async Task LivePanel_GrowsWithThePage_HomePanelIsBoundedAndPointsToLive()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        long last = 0;
        for (var i = 0; i < 15; i++)
        {
            (last, _) = await PostAsync(context, "system.info", new { description = $"Task number {i} with a description long enough to take a line or two" });
        }

        var live = await OpenLiveAsync(context, "/swarm/live");
        await live.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(live.Locator($".activity-item[data-event-id='{last}']")).ToBeVisibleAsync();
        var height = await live.Locator("[data-activity-list]").EvaluateAsync<double>("(list) => list.clientHeight");
        Assert.True(height > 1000, $"the Live feed is only {height} px tall");
        Assert.False(await ScrollsInsideAsync(live), "the Live feed has a scroll area of its own");

        var home = await OpenLiveAsync(context, "/");
        await home.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(home.Locator("[data-activity-panel]")).ToHaveAttributeAsync("data-overflowing", "");
        Assert.False(await ScrollsInsideAsync(home), "the Home panel has a scroll area inside the page");
        await BrowserFixture.ScreenshotAsync(home, "home-phone");
        await home.GetByRole(AriaRole.Link, new() { Name = "See all in the control room" }).ClickAsync();
        await home.WaitForURLAsync("**/swarm/live");
    }

    private static async Task<IPage> OpenLiveAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator(".activity-panel [data-feed-badge]")).ToHaveTextAsync("live");
        return page;
    }

    /// <summary>Whether the activity list can be scrolled by itself (a scroll area within the page).</summary>
    private static Task<bool> ScrollsInsideAsync(IPage page) =>
        page.Locator("[data-activity-list]").EvaluateAsync<bool>(
            "(list) => list.scrollHeight > list.clientHeight + 1 && ['auto', 'scroll'].includes(getComputedStyle(list).overflowY)");

    private static async Task<(long Id, DateTimeOffset Timestamp)> PostAsync(IBrowserContext context, string type, object? data = null)
    {
        var response = await context.APIRequest.PostAsync("/api/v1/events", new()
        {
            DataObject = new { event_type = type, source = "e2e", data = data ?? new { } },
        });
        Assert.Equal(201, response.Status);
        var body = JsonDocument.Parse(await response.TextAsync()).RootElement;
        return (body.GetProperty("id").GetInt64(), body.GetProperty("timestamp").GetDateTimeOffset());
    }
}
