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
    public async Task ProblemsCard_CountsChatFailuresAndOpenedCircuits_AsTheyArrive()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await OpenLiveAsync(context, "/swarm/live");
        var problems = page.Locator("[data-summary-card='problems'] [data-summary-value]");
        var before = int.Parse(await problems.InnerTextAsync());

        await PostAsync(context, "chat.failed");
        await PostAsync(context, "provider.circuit_opened");

        await Assertions.Expect(problems).ToHaveTextAsync((before + 2).ToString());
        await page.ReloadAsync();
        await Assertions.Expect(problems).ToHaveTextAsync((before + 2).ToString());
    }

    private static async Task<IPage> OpenLiveAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator(".activity-panel [data-feed-badge]")).ToHaveTextAsync("live");
        return page;
    }

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
