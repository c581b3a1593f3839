using System.Net;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Swarm.Pages;

/// <summary>The swarm's pages over the real host and a running swarm: the forms post, refuse bad input beside the form
/// and redirect; a task's page shows its whole story.</summary>
public sealed class SwarmPagesTests : IAsyncLifetime
{
    private SwarmWebHost _host = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SwarmWebHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostTaskForm_Valid_RedirectsToTheNewTasksPage()
    {
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);

        var response = await OwnerBrowserSession.PostFormAsync(browser, "/swarm/live", "post-task",
            [new("description", "Debug the failing unit tests in the parser"), new("max_bid_sats", "400")], Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.PathAndQuery;
        Assert.Matches("^/swarm/tasks/[0-9a-f-]{36}\\?notice=posted$", location);
        var task = await _host.Tasks.GetAsync(location[13..49], Ct);
        Assert.Equal(400, task!.MaxBidSats);
        Assert.Equal("owner", task.PostedBy);
    }

    [Theory]
    [InlineData("Check the backups", "abc", "The max bid is a whole number of sats (like 1000)")]
    [InlineData("Check the backups", "-5", "The max bid is a whole number of sats (like 1000)")]
    [InlineData("Check the backups", "0", "The max bid is a whole number of sats from 1 to 1,000,000.")]
    [InlineData("Check the backups", "2000000", "The max bid is a whole number of sats from 1 to 1,000,000.")]
    [InlineData("   ", "", "Describe the task: the description is empty.")]
    public async Task PostTaskForm_BadInput_ShowsTheReasonBesideTheForm_AndStoresNothing(string description, string maxBid, string reason)
    {
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);

        var response = await OwnerBrowserSession.PostFormAsync(browser, "/swarm/live", "post-task", [new("description", description), new("max_bid_sats", maxBid)], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The task was not posted:", html);
        Assert.Contains(reason, html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Empty((await _host.Tasks.ListAsync(new TaskQuery(), Ct)).Items);
    }

    [Fact]
    public async Task TaskPage_CompletedTask_ShowsWinnerBidsRoutingTimelineAndResultAsSafeMarkdown()
    {
        _host.Inner.Ollama.Default = FakeReply.Answer("## Findings\n\nThe **parser** drops a token. <script>alert(1)</script> [x](javascript:alert(1))");
        var task = await _host.Coordinator.PostAsync(new TaskPost("Debug the failing unit tests in the parser"), "owner", "owner", Ct);
        await _host.FinishedAsync(task.Id);
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);

        var html = await browser.GetStringAsync($"/swarm/tasks/{task.Id}", Ct);

        Assert.Contains("<h2>Findings</h2>", html);
        Assert.Contains("<strong>parser</strong>", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Matches("<tr data-bid=\"forge\" data-won=\"true\"", html);
        Assert.Contains("data-routing=\"forge\"", html);
        Assert.Contains("data-event-type=\"task.completed\"", html);
        Assert.Contains("data-final=\"true\"", html);
        Assert.Matches("<form[^>]* hidden [^>]*><input[^>]*value=\"cancel-task\"", html);
    }

    [Fact]
    public async Task TaskFragment_IsTheTaskBody_NamingWhereItGoes()
    {
        var task = await _host.Coordinator.PostAsync(new TaskPost("Summarize the research on batteries"), "owner", "owner", Ct);
        await _host.FinishedAsync(task.Id);
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);

        var html = await browser.GetStringAsync($"/swarm/fragments/tasks/{task.Id}", Ct);

        Assert.StartsWith("<div class=\"task-body\" data-task-body data-final=\"true\" data-swap=\"task-body\"", html.TrimStart());
        Assert.Contains($"action=\"/swarm/tasks/{task.Id}\"", html);
    }

    [Fact]
    public async Task CancelForm_RunningTask_CancelsIt_ThenRepostForm_PostsItAgain()
    {
        _host.Inner.Ollama.Enqueue(FakeReply.Stall());
        var task = await _host.Coordinator.PostAsync(new TaskPost("Summarize the research on batteries"), "owner", "owner", Ct);
        await Eventually.TrueAsync(async () => (await _host.Tasks.GetAsync(task.Id, Ct))!.Status == SwarmTaskStatus.Running, "the task to run");
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);
        var path = $"/swarm/tasks/{task.Id}";

        var cancel = await OwnerBrowserSession.PostFormAsync(browser, path, "cancel-task", [], Ct);

        Assert.Equal($"{path}?notice=cancelled", cancel.Headers.Location!.PathAndQuery);
        Assert.Equal(SwarmTaskStatus.Cancelled, (await _host.Tasks.GetAsync(task.Id, Ct))!.Status);

        var repost = await OwnerBrowserSession.PostFormAsync(browser, path, "repost-task", [], Ct);

        var location = repost.Headers.Location!.PathAndQuery;
        Assert.EndsWith("?notice=reposted", location);
        var again = await _host.FinishedAsync(location[13..49]);
        Assert.Equal(task.Id, again.RepostedFrom);
        Assert.Equal(SwarmTaskStatus.Completed, again.Status);
        Assert.Contains($"href=\"/swarm/tasks/{task.Id}\" data-link=\"reposted-from\"", await browser.GetStringAsync(location, Ct));
    }

    [Fact]
    public async Task CancelForm_FinishedTask_RedirectsWithARefusal()
    {
        var task = await _host.Coordinator.PostAsync(new TaskPost("Summarize the research on batteries"), "owner", "owner", Ct);
        await _host.FinishedAsync(task.Id);
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);
        var path = $"/swarm/tasks/{task.Id}";

        var cancel = await OwnerBrowserSession.PostFormAsync(browser, path, "cancel-task", [], Ct);
        var repost = await OwnerBrowserSession.PostFormAsync(browser, path, "repost-task", [], Ct);

        Assert.Equal($"{path}?notice=cancel-refused", cancel.Headers.Location!.PathAndQuery);
        Assert.Equal($"{path}?notice=repost-refused", repost.Headers.Location!.PathAndQuery);
        Assert.Contains("there was nothing to cancel", await browser.GetStringAsync(cancel.Headers.Location!.PathAndQuery, Ct));
        Assert.Equal(SwarmTaskStatus.Completed, (await _host.Tasks.GetAsync(task.Id, Ct))!.Status);
    }

    [Fact]
    public async Task MarketplaceForms_SpawnAndStop_MoveThePersona_TimmyCannotBeStopped()
    {
        var roster = _host.Factory.Service<AgentRoster>();
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);

        var spawn = await OwnerBrowserSession.PostFormAsync(browser, "/marketplace", "spawn-quill", [], Ct);

        Assert.Equal("/marketplace?notice=spawned&persona=quill", spawn.Headers.Location!.PathAndQuery);
        Assert.NotNull(roster.Find("quill"));
        Assert.Contains("Started Quill", await browser.GetStringAsync(spawn.Headers.Location.PathAndQuery, Ct));

        var stop = await OwnerBrowserSession.PostFormAsync(browser, "/marketplace", "stop-quill", [], Ct);

        Assert.Equal("/marketplace?notice=stopped&persona=quill", stop.Headers.Location!.PathAndQuery);
        Assert.Null(roster.Find("quill"));

        var timmy = await OwnerBrowserSession.PostFormAsync(browser, "/marketplace", "stop-timmy", [], Ct);

        Assert.Equal("/marketplace?notice=refused&persona=timmy", timmy.Headers.Location!.PathAndQuery);
        Assert.NotNull(roster.Find(AgentRoster.TimmyId));
    }

    [Fact]
    public async Task Marketplace_ShowsEachPersonasFiguresFromTheDatabase()
    {
        var first = await _host.Coordinator.PostAsync(new TaskPost("Fix the bug in the login function"), "owner", "owner", Ct);
        var second = await _host.Coordinator.PostAsync(new TaskPost("Refactor the class and add unit tests"), "owner", "owner", Ct);
        var paid = (await _host.FinishedAsync(first.Id)).WinningBidSats + (await _host.FinishedAsync(second.Id)).WinningBidSats;
        var browser = await OwnerBrowserSession.SignInAsync(_host.Factory);

        var html = await browser.GetStringAsync("/swarm/fragments/marketplace", Ct);

        var forge = html[html.IndexOf("data-persona=\"forge\"", StringComparison.Ordinal)..];
        Assert.Matches("data-figure=\"won\">2<", forge);
        Assert.Matches("data-figure=\"completed\">2<", forge);
        Assert.Matches("data-figure=\"success\">100 %<", forge);
        Assert.Contains($"data-figure=\"earned\">{paid:N0} sats<", forge);
    }
}
