using System.Net;
using System.Text.RegularExpressions;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

/// <summary>The live parts of the event pages as fragments: what the pages' scripts read when the feed cues them.</summary>
public sealed partial class EventFragmentEndpointsTests(EventFragmentEndpointsTests.Host host) : IClassFixture<EventFragmentEndpointsTests.Host>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Host : TimmyWebFactory;

    [Fact]
    public async Task EventRows_AfterAnId_AreTheNewerMatchingRows_NewestFirst_WithTheTablesNewCountLine()
    {
        var task = Unique("task");
        var shownId = await LogAsync(EventType.TaskCreated, task);
        await LogAsync(EventType.AgentJoined, null);
        var second = await LogAsync(EventType.TaskAssigned, task);
        var third = await LogAsync(EventType.TaskCompleted, task);

        var html = await GetAsync($"/swarm/fragments/event-rows?after={shownId}&shown=1&lowest={shownId}&task_id={task}");

        Assert.Equal([third.ToString(), second.ToString()], RowIds(html));
        Assert.Contains("class=\"new-row\"", html);
        Assert.Contains("<tbody data-swap=\"events-rows\" data-swap-mode=\"prepend\">", html);
        Assert.Contains($"<span data-swap=\"event-count\" data-event-count>3 events (ids {shownId}–{third})</span>", html);
        Assert.Contains("<div data-swap=\"events-empty\" hidden></div>", html);
        Assert.DoesNotContain("data-more", html);
    }

    [Fact]
    public async Task EventRows_MoreThanOneRead_SaysThereIsMore()
    {
        var source = Unique("burst");
        var first = await LogAsync(EventType.SystemInfo, null, source);
        for (var i = 0; i < 3; i++)
        {
            await LogAsync(EventType.SystemInfo, null, source);
        }

        var html = await GetAsync($"/swarm/fragments/event-rows?after={first - 1}&source={source}&limit=2");

        Assert.Equal(2, RowIds(html).Count);
        Assert.Contains("data-more", html);
    }

    [Theory]
    [InlineData("shown=1", "after")]
    [InlineData("after=x", "after")]
    [InlineData("after=1&shown=-2", "shown")]
    [InlineData("after=1&type=nonsense", "type")]
    public async Task EventRows_BadQuery_Is400NamingTheField(string query, string field)
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var response = await browser.GetAsync("/swarm/fragments/event-rows?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Activity_AfterAnId_IsTheNewerItems_DrawnLikeThePanel()
    {
        var before = await LogAsync(EventType.SystemInfo, null);
        var id = await host.Service<IEventLog>().LogAsync(EventType.TaskCreated, "fragment-test", "t-act", data: new { description = "Write the report" }, cancellationToken: Ct);

        var html = await GetAsync($"/swarm/fragments/activity?after={before}&limit=5");

        Assert.StartsWith("<ol data-swap=\"activity-items\" data-swap-mode=\"prepend\">", html);
        Assert.Contains($"<li class=\"activity-item\" data-event-id=\"{id.Id}\" data-event-type=\"task.created\">", html);
        Assert.Contains("<strong class=\"activity-label\">Task created</strong>", html);
        Assert.Contains("<p class=\"activity-desc\">Write the report</p>", html);
        Assert.DoesNotContain($"data-event-id=\"{before}\"", html);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("after=-1")]
    public async Task Activity_BadQuery_Is400(string query)
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var response = await browser.GetAsync("/swarm/fragments/activity?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Summary_CountsTheLastHour_WithoutItsScript()
    {
        await LogAsync(EventType.TaskFailed, Unique("fail"));

        var html = await GetAsync("/swarm/fragments/summary");

        Assert.Matches(ProblemsCard(), html);
        Assert.Contains("data-swap=\"summary-cards\"", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Fragments_AreForTheOwnersCookie_NotForApiTokens()
    {
        var client = await host.CreateOwnerClientAsync();

        var response = await client.GetAsync("/swarm/fragments/summary", Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<long> LogAsync(string type, string? taskId, string source = "fragment-test") =>
        (await host.Service<IEventLog>().LogAsync(type, source, taskId, data: new { note = "x" }, cancellationToken: Ct)).Id;

    private async Task<string> GetAsync(string path)
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);
        var response = await browser.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static List<string> RowIds(string html) => RowId().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<tr data-event-id=\"(\\d+)\"")]
    private static partial Regex RowId();

    [GeneratedRegex("data-summary-card=\"problems\">\\s*<span class=\"summary-value\" data-summary-value>[1-9]\\d*</span>")]
    private static partial Regex ProblemsCard();
}
