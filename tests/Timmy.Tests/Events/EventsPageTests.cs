using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

/// <summary>The /swarm/events page as the server renders it: what the rows and the count line say.</summary>
public sealed partial class EventsPageTests(EventsPageTests.Host host) : IClassFixture<EventsPageTests.Host>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Host : TimmyWebFactory;

    [Theory]
    [InlineData("type=nonsense")]
    [InlineData("from=2026-12-01T12:00:00Z&to=2026-12-01T11:00:00Z")]
    public async Task BadFilters_ShowNoRows_AndSayTheFiltersWereNotApplied(string query)
    {
        await LogAsync("system.info", "task-bad-filter");

        var html = await PageAsync("/swarm/events?" + query);

        Assert.Contains("role=\"alert\"", html);
        Assert.Empty(RowIds(html));
        Assert.Contains("Filters not applied, so no events are shown.", html);
        Assert.DoesNotContain("Export CSV", html);
    }

    [Fact]
    public async Task CountLine_SaysHowManyRowsThereAre_NotJustAnIdRange()
    {
        var task = "task-count-" + Guid.NewGuid().ToString("N")[..8];
        var first = await LogAsync("system.info", task);
        await LogAsync("system.warning", null);
        await LogAsync("system.warning", task);
        var last = await LogAsync("system.error", task);

        var html = await PageAsync("/swarm/events?task_id=" + task);

        Assert.Equal(3, RowIds(html).Count);
        Assert.Contains($"<span data-event-count data-swap-target=\"event-count\">3 events (ids {first}–{last})</span>", html);
    }

    [Fact]
    public async Task CountLine_ForOneRow_NamesThatEvent()
    {
        var task = "task-one-" + Guid.NewGuid().ToString("N")[..8];
        var id = await LogAsync("system.info", task);

        var html = await PageAsync("/swarm/events?task_id=" + task);

        Assert.Contains($"<span data-event-count data-swap-target=\"event-count\">1 event (#{id})</span>", html);
    }

    [Fact]
    public async Task Cells_CarryTheirColumnNames_ForTheStackedPhoneLayout()
    {
        var task = "task-cells-" + Guid.NewGuid().ToString("N")[..8];
        await LogAsync("system.info", task);

        var html = await PageAsync("/swarm/events?task_id=" + task);

        foreach (var label in new[] { "#", "Time (UTC)", "Type", "Source", "Task", "Agent", "Data" })
        {
            Assert.Contains($"data-label=\"{label}\"", html);
        }
        Assert.Contains($"title=\"{task}\">{task}</a>", html);
    }

    private async Task<long> LogAsync(string type, string? taskId)
    {
        var client = await host.CreateOwnerClientAsync();
        var body = JsonSerializer.Serialize(new { event_type = type, source = "page-test", task_id = taskId, data = new { note = "x" } });
        var response = await client.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetInt64();
    }

    private async Task<string> PageAsync(string path)
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);
        var response = await browser.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static List<string> RowIds(string html) => RowId().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<tr data-event-id=\"(\\d+)\"")]
    private static partial Regex RowId();
}
