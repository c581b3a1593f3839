using System.Text.Json;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

public sealed class LiveEventFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EventLoggedThroughApi_AppearsLiveInPanelAndTable_WithHtmlShownAsText()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var live = await context.NewPageAsync();
        await live.GotoAsync("/swarm/live");
        try
        {
            await Assertions.Expect(live.Locator(".activity-panel [data-feed-badge]")).ToHaveTextAsync("live");
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException("Feed did not connect. Console: " + string.Join("\n", fixture.ConsoleErrors), ex);
        }
        var events = await context.NewPageAsync();
        await events.GotoAsync("/swarm/events");
        await Assertions.Expect(events.Locator("[data-feed-badge]")).ToHaveTextAsync("live");

        var description = "<img src=x onerror=alert(1)><b>Write the weekly report</b>";
        var response = await context.APIRequest.PostAsync("/api/v1/events", new()
        {
            DataObject = new { event_type = "system.info", source = "coordinator", task_id = "task-e2e-1", data = new { description } },
        });
        Assert.Equal(201, response.Status);
        var id = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("id").GetInt64();

        var item = live.Locator($".activity-item[data-event-id='{id}']");
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Assertions.Expect(item.Locator(".activity-desc")).ToHaveTextAsync(description);
        await Assertions.Expect(item.Locator(".activity-label")).ToHaveTextAsync("Info");
        Assert.Equal(0, await live.Locator(".activity-item b, .activity-item img").CountAsync());

        var row = events.Locator($"tr[data-event-id='{id}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "task-e2e-1" })).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("dd")).ToHaveTextAsync(description);
        Assert.Equal(0, await events.Locator("tbody b, tbody img").CountAsync());

        await BrowserFixture.ScreenshotAsync(live, "live-panel");
        await BrowserFixture.ScreenshotAsync(events, "events-table-live");

        // After a reload the server renders the same event, still as text.
        await events.ReloadAsync();
        await Assertions.Expect(events.Locator($"tr[data-event-id='{id}'] dd")).ToHaveTextAsync(description);
        Assert.Equal(0, await events.Locator("tbody b, tbody img").CountAsync());
    }

    [Fact]
    public async Task LiveRow_ShowsListsInDataAsTheServerDoes()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var events = await context.NewPageAsync();
        await events.GotoAsync("/swarm/events");
        await Assertions.Expect(events.Locator("[data-feed-badge]")).ToHaveTextAsync("live");

        var response = await context.APIRequest.PostAsync("/api/v1/events", new()
        {
            DataObject = new { event_type = "system.info", source = "lists", data = new { attempts = new[] { new { provider = "ollama" }, new { provider = "openai" } }, tags = new[] { "alpha", "beta" } } },
        });
        var id = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("id").GetInt64();

        var live = events.Locator($"tr[data-event-id='{id}']");
        await Assertions.Expect(live.Locator(".data-list > li")).ToHaveCountAsync(4);
        var liveText = await live.Locator(".data-view").First.InnerTextAsync();
        await events.ReloadAsync();
        var rendered = await events.Locator($"tr[data-event-id='{id}'] .data-view").First.InnerTextAsync();
        Assert.Equal(Normalize(rendered), Normalize(liveText));
        Assert.DoesNotContain("[{", liveText);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Filters_AreReflectedInTheUrl_AndTaskLinkOpensItsTimeline()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        foreach (var (type, task) in new[] { ("system.info", "task-f-1"), ("system.warning", (string?)null), ("system.info", "task-f-1"), ("system.info", "task-f-2") })
        {
            var r = await context.APIRequest.PostAsync("/api/v1/events", new() { DataObject = new { event_type = type, source = "e2e", task_id = task, agent_id = task is null ? "echo" : null } });
            Assert.Equal(201, r.Status);
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync("/swarm/events");

        await page.GetByLabel("Type or prefix").FillAsync("system.info");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await page.WaitForURLAsync("**/swarm/events?type=system.info");
        Assert.Equal("system.info", await page.GetByLabel("Type or prefix").InputValueAsync());
        Assert.Equal(0, await page.Locator("tbody .badge", new() { HasText = "system.warning" }).CountAsync());

        await page.Locator("tbody").GetByRole(AriaRole.Link, new() { Name = "task-f-1" }).First.ClickAsync();
        await page.WaitForURLAsync("**/swarm/events?task_id=task-f-1");
        Assert.Equal(2, await page.Locator("tbody tr").CountAsync());
    }

    [Fact]
    public async Task BadFilter_ShowsClearErrorAndNoRows()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var r = await context.APIRequest.PostAsync("/api/v1/events", new() { DataObject = new { event_type = "system.info", source = "e2e" } });
        Assert.Equal(201, r.Status);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/swarm/events?type=Not%20A%20Type");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is not an event type or prefix");
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Filters not applied, so no events are shown.");
        Assert.Equal(0, await page.Locator("tr[data-event-id]").CountAsync());
    }
}
