using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Swarm;

/// <summary><c>/api/v1/tasks</c> for the owner: post, read, list, cancel and re-post, with the swarm running over the
/// loopback fake Ollama and auctions that close as soon as the personas have bid.</summary>
public sealed class TaskEndpointsTests : SwarmApiTests
{
    [Fact]
    public async Task PostTask_Valid_Returns201WithLocation_AndTheTaskIsCarriedOut()
    {
        Host.Inner.Ollama.Default = FakeReply.Answer("The **fix** is in.");

        var response = await Owner.PostAsJsonAsync("/api/v1/tasks", new { description = "Debug the failing unit tests", max_bid_sats = 500 }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.BodyAsync();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/tasks/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(500, body.GetProperty("max_bid_sats").GetInt64());
        Assert.Equal("token:test", body.GetProperty("posted_by").GetString());
        var done = await Host.FinishedAsync(id);
        Assert.Equal(SwarmTaskStatus.Completed, done.Status);
        var shown = (await Owner.GetJsonAsync($"/api/v1/tasks/{id}")).GetProperty("task");
        Assert.Equal("completed", shown.GetProperty("status").GetString());
        Assert.Equal("forge", shown.GetProperty("assigned_agent").GetString());
        Assert.Equal("The **fix** is in.", shown.GetProperty("result").GetString());
    }

    [Theory]
    [InlineData("""{"description":""}""", "description")]
    [InlineData("""{"description":"   "}""", "description")]
    [InlineData("""{"max_bid_sats":10}""", "description")]
    [InlineData("""{"description":"Write a poem","max_bid_sats":0}""", "max_bid_sats")]
    [InlineData("""{"description":"Write a poem","max_bid_sats":-5}""", "max_bid_sats")]
    [InlineData("""{"description":"Write a poem","max_bid_sats":12.5}""", "max_bid_sats")]
    [InlineData("""{"description":"Write a poem","max_bid_sats":"12"}""", "max_bid_sats")]
    [InlineData("""{"description":"Write a poem","max_bid_sats":1e30}""", "max_bid_sats")]
    [InlineData("""{"description":"Write a poem","max_bid_sats":2000000}""", "max_bid_sats")]
    [InlineData("""{"description":"Write a poem","parent_task_id":"no-such-task"}""", "parent_task_id")]
    [InlineData("""{"description":7}""", "description")]
    [InlineData("""not json""", "body")]
    public async Task PostTask_BadInput_Returns400NamingTheField_AndStoresNothing(string json, string field)
    {
        var response = await Owner.PostJsonAsync("/api/v1/tasks", json);

        await response.AssertFieldRefusedAsync(field);
        Assert.Equal(0, await Host.Tasks.TaskCountAsync());
    }

    [Fact]
    public async Task PostTask_HugeDescription_Returns400_AndStoresNothing()
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/tasks", new { description = new string('a', 8_001) }, Ct);

        await response.AssertFieldRefusedAsync("description");
        Assert.Equal(0, await Host.Tasks.TaskCountAsync());
    }

    [Fact]
    public async Task GetTask_ShowsBidsWithTheWinner_RoutingScores_SubtasksAndTimeline()
    {
        var parent = await Owner.PostTaskAsync("Debug the failing unit tests in the parser");
        await Host.FinishedAsync(parent);
        var child = (await (await Owner.PostAsJsonAsync("/api/v1/tasks",
            new { description = "Summarize the parser's test failures", parent_task_id = parent }, Ct)).BodyAsync()).GetProperty("id").GetString();

        var detail = await Owner.GetJsonAsync($"/api/v1/tasks/{parent}");

        var task = detail.GetProperty("task");
        var bids = detail.GetProperty("bids").EnumerateArray().ToList();
        Assert.True(bids.Count >= 3, detail.ToString());
        var winner = Assert.Single(bids, b => b.GetProperty("winner").GetBoolean());
        Assert.Equal(task.GetProperty("assigned_agent").GetString(), winner.GetProperty("agent_id").GetString());
        Assert.Equal(bids.Min(b => b.GetProperty("amount_sats").GetInt64()), winner.GetProperty("amount_sats").GetInt64());
        var forge = task.GetProperty("routing_scores").EnumerateArray().First();
        Assert.Equal("forge", forge.GetProperty("agent_id").GetString());
        Assert.True(forge.GetProperty("score").GetDouble() > 0);
        Assert.Equal(child, Assert.Single(detail.GetProperty("subtasks").EnumerateArray()).GetProperty("id").GetString());
        // The memory remembering the result (memory.stored, with the task's id) may come in after the task's own events.
        var types = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event_type").GetString())
            .Where(t => !t!.StartsWith("memory.", StringComparison.Ordinal)).ToList();
        Assert.Equal(EventType.TaskCreated, types[0]);
        Assert.Contains(EventType.AuctionClosed, types);
        Assert.Equal(EventType.TaskCompleted, types[^1]);
    }

    [Theory]
    [InlineData("/api/v1/tasks/no-such-task")]
    [InlineData("/api/v1/tasks/no-such-task/bids")]
    public async Task GetTask_UnknownId_Returns404(string path)
    {
        var response = await Owner.GetAsync(path, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-task", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetBids_ListsEveryBidOfTheTask()
    {
        var id = await Owner.PostTaskAsync("Write a blog post about our release");
        await Host.FinishedAsync(id);

        var bids = (await Owner.GetJsonAsync($"/api/v1/tasks/{id}/bids")).EnumerateArray().ToList();

        Assert.Equal((await Host.Tasks.BidsAsync(id, Ct)).Count, bids.Count);
        Assert.All(bids, b => Assert.Equal(id, b.GetProperty("task_id").GetString()));
        Assert.Single(bids, b => b.GetProperty("winner").GetBoolean());
    }

    [Fact]
    public async Task ListTasks_FiltersByStatusAgentAndText_AndPagesWithTheNextCursor()
    {
        var first = await Owner.PostTaskAsync("Debug the crash in the importer");
        var second = await Owner.PostTaskAsync("Summarize the research on sleep");
        var noBids = await Owner.PostTaskAsync("Write anything at all", maxBid: 1);
        foreach (var id in new[] { first, second, noBids })
        {
            await Host.FinishedAsync(id);
        }

        var failed = await Owner.GetJsonAsync("/api/v1/tasks?status=failed&status=cancelled");
        var byForge = await Owner.GetJsonAsync("/api/v1/tasks?agent=forge");
        var byText = await Owner.GetJsonAsync("/api/v1/tasks?q=SLEEP");
        var page1 = await Owner.GetJsonAsync("/api/v1/tasks?limit=2");
        var page2 = await Owner.GetJsonAsync($"/api/v1/tasks?limit=2&before={page1.GetProperty("next").GetString()}");

        Assert.Equal([noBids], Ids(failed));
        Assert.Equal([first], Ids(byForge));
        Assert.Equal([second], Ids(byText));
        Assert.Equal([noBids, second], Ids(page1));
        Assert.Equal([first], Ids(page2));
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("status=done", "status")]
    [InlineData("status=completed,nope", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task ListTasks_BadFilter_Returns400NamingIt(string query, string field)
    {
        var response = await Owner.GetAsync($"/api/v1/tasks?{query}", Ct);

        await response.AssertFieldRefusedAsync(field);
    }

    [Fact]
    public async Task CancelTask_Running_Returns200Cancelled_ThenRepostMakesANewTaskNamingIt()
    {
        Host.Inner.Ollama.Default = FakeReply.Stall();
        var id = await Owner.PostTaskAsync("Debug the flaky test");
        await Eventually(async () => (await Host.Tasks.GetAsync(id, Ct))!.Status == SwarmTaskStatus.Running, "the task to run");

        var cancelled = await Owner.PostAsync($"/api/v1/tasks/{id}/cancel", null, Ct);
        var again = await Owner.PostAsync($"/api/v1/tasks/{id}/cancel", null, Ct);
        Host.Inner.Ollama.Default = FakeReply.Answer("done");
        var reposted = await Owner.PostAsync($"/api/v1/tasks/{id}/repost", null, Ct);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.BodyAsync()).GetProperty("status").GetString());
        var conflict = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("cancelled", conflict.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, reposted.StatusCode);
        var repost = await reposted.BodyAsync();
        Assert.Equal(id, repost.GetProperty("reposted_from").GetString());
        Assert.NotEqual(id, repost.GetProperty("id").GetString());
        Assert.Equal($"/api/v1/tasks/{repost.GetProperty("id").GetString()}", reposted.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task RepostTask_Completed_Returns409_AndPostsNothing()
    {
        var id = await Owner.PostTaskAsync("Debug the flaky test");
        await Host.FinishedAsync(id);

        var response = await Owner.PostAsync($"/api/v1/tasks/{id}/repost", null, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await Host.Tasks.TaskCountAsync());
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("repost")]
    public async Task TaskAction_UnknownId_Returns404(string action)
    {
        var response = await Owner.PostAsync($"/api/v1/tasks/no-such-task/{action}", null, Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Summary_CountsTasksByStatus_AndListsTheAgentsOnline()
    {
        await Host.FinishedAsync(await Owner.PostTaskAsync("Debug the crash in the importer"));
        await Host.FinishedAsync(await Owner.PostTaskAsync("Write anything at all", maxBid: 1));

        var summary = await Owner.GetJsonAsync("/api/v1/swarm/summary");

        Assert.Equal(1, summary.GetProperty("tasks").GetProperty("completed").GetInt64());
        Assert.Equal(1, summary.GetProperty("tasks").GetProperty("failed").GetInt64());
        Assert.Equal(0, summary.GetProperty("tasks").GetProperty("bidding").GetInt64());
        Assert.Equal(2, summary.GetProperty("total_tasks").GetInt64());
        Assert.Equal(["echo", "forge", "seer", "timmy"], summary.GetProperty("agents_online").EnumerateArray().Select(a => a.GetString()!));
        Assert.Empty(summary.GetProperty("open_auctions").EnumerateArray());
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    private static Task Eventually(Func<Task<bool>> condition, string because) =>
        Infrastructure.Eventually.TrueAsync(condition, because);
}
