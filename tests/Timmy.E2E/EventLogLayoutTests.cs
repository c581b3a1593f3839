using System.Text.Json;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>The event log and the navigation read well on a phone (390 px) and on a desktop (1280 px).</summary>
public sealed class EventLogLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string LongAgent = "agent-researcher-0001-with-a-really-long-identifier";

    [Fact]
    public async Task EventLog_OnAPhone_ShowsEachEventAsACardThatFitsTheScreen()
    {
        await using var context = await fixture.NewOwnerContextAsync();

        var page = await OpenTaskStoryAsync(context, 390, 844, "events-phone");

        var layout = await page.EvaluateAsync<JsonElement>("""
            () => {
              const width = document.documentElement.clientWidth;
              return {
                sideways: document.documentElement.scrollWidth - width,
                // Cells of ids clip a very long id with an ellipsis on purpose; nothing else may stick out.
                wider: [...document.querySelectorAll('main *')].filter((e) => !e.closest('td.id') && e.getBoundingClientRect().right > width + 0.5).map((e) => e.tagName),
                dataWidths: [...document.querySelectorAll('td.data')].map((td) => td.getBoundingClientRect().width),
                rowHeights: [...document.querySelectorAll('tbody tr')].map((tr) => tr.getBoundingClientRect().height),
              };
            }
            """);

        Assert.Equal(0, layout.GetProperty("sideways").GetDouble());
        Assert.Empty(layout.GetProperty("wider").EnumerateArray());
        Assert.All(layout.GetProperty("dataWidths").EnumerateArray(), w => Assert.True(w.GetDouble() >= 280, $"data column only {w} px wide"));
        Assert.All(layout.GetProperty("rowHeights").EnumerateArray(), h => Assert.True(h.GetDouble() < 400, $"a row {h} px tall"));
    }

    [Fact]
    public async Task EventLog_OnADesktop_KeepsIdsOnOneLine()
    {
        await using var context = await fixture.NewOwnerContextAsync();

        var page = await OpenTaskStoryAsync(context, 1280, 800, "events-desktop");

        var heights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('td.id > *')].map((e) => e.getBoundingClientRect().height)");
        var lineHeight = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('td.id > *')).lineHeight)");
        Assert.All(heights, h => Assert.True(h <= lineHeight + 1, $"an id takes {h} px, more than one line ({lineHeight} px)"));
        var dataWidth = await page.Locator("td.data").First.EvaluateAsync<double>("(td) => td.getBoundingClientRect().width");
        Assert.True(dataWidth >= 190, $"data column only {dataWidth} px wide");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Filters_HaveRoomForAFullDateAndTime(int width, int height)
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("/swarm/events?from=2026-11-30T12:00:00Z&to=2026-12-01T23:59:59Z");

        var widths = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.filters input')].map((i) => i.getBoundingClientRect().width)");
        Assert.Equal(6, widths.Length);
        Assert.All(widths, w => Assert.True(w >= 250, $"a filter field is only {w} px wide"));
    }

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
        Assert.Equal(10, rights.Length); // Home, Control room, Tasks, Marketplace, Memory, Lightning, Upgrades, Event log, Router, API tokens
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

        var first = await PostAsync(context, "system.info", task);
        await Assertions.Expect(count).ToHaveTextAsync($"1 event (#{first})");
        await PostAsync(context, "system.warning", null);
        var second = await PostAsync(context, "system.info", task);

        await Assertions.Expect(count).ToHaveTextAsync($"2 events (ids {first}–{second})");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task EventLog_LongData_IsClippedUntilShowAll(int width, int height)
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var task = "task-long-" + Guid.NewGuid().ToString("N")[..6];
        var trace = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"   at Swarm.Agent.Step{i}() in /src/Swarm/Agent.cs:line {i}"));
        await PostAsync(context, "system.error", task, LongAgent, new { message = "Unhandled exception", stack = trace });
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/swarm/events?task_id=" + task);
        var row = page.Locator("tbody tr").First;

        var clipped = await row.EvaluateAsync<double>("(tr) => tr.getBoundingClientRect().height");
        await BrowserFixture.ScreenshotAsync(page, $"events-long-data-{width}");
        await row.GetByText("Show all").ClickAsync();
        var opened = await row.EvaluateAsync<double>("(tr) => tr.getBoundingClientRect().height");

        Assert.True(clipped < 350, $"a row with long data is {clipped} px tall");
        Assert.True(opened > clipped + 200, $"Show all made the row {opened} px tall (was {clipped} px)");
        await Assertions.Expect(row.GetByText("Show less")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Filters_LeftEmpty_StayOutOfTheAddress()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/swarm/events");

        await page.GetByLabel("Type or prefix").FillAsync("task.*");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/swarm/events?type=task.*", StringComparison.Ordinal) || url.EndsWith("/swarm/events?type=task.%2A", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByLabel("Type or prefix")).ToHaveValueAsync("task.*");
    }

    /// <summary>Logs a task's story, then opens its timeline in a window of the given size.</summary>
    private static async Task<IPage> OpenTaskStoryAsync(IBrowserContext context, int width, int height, string screenshot)
    {
        var task = await PostTaskStoryAsync(context);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/swarm/events?task_id=" + task);
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(5);
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        return page;
    }

    /// <summary>Five events of one task, with a long agent id and long data values, like a swarm's story of a task (as
    /// system.* events: the task, bid and tool categories are the swarm's own and cannot be posted).</summary>
    private static async Task<string> PostTaskStoryAsync(IBrowserContext context)
    {
        var task = "task-" + Guid.NewGuid().ToString("N")[..6];
        await PostAsync(context, "system.info", task, data: new { description = "Summarise the quarterly sales report and email the highlights to the team" });
        await PostAsync(context, "system.info", task, LongAgent, new { bid_sats = 1200 });
        await PostAsync(context, "system.info", task, LongAgent, new
        {
            tool = "web_search",
            args = new { query = "quarterly sales report", url = "https://example.com/a/very/long/url/that/does/not/break/anywhere/because/it/has/no/spaces/index.html" },
        });
        await PostAsync(context, "system.error", task, data: new { message = "Unhandled exception in agent loop: System.InvalidOperationException: Sequence contains no elements\n   at Swarm.Agent.Run()" });
        await PostAsync(context, "system.warning", task, LongAgent, new { reason = "tool failure" });
        return task;
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
