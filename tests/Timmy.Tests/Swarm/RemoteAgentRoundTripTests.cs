using System.Net;
using Timmy.Core.Events;
using Timmy.Core.Security;

namespace Timmy.Tests.Swarm;

/// <summary>A remote agent over real HTTP (Kestrel on a loopback port): it registers, long-polls for work, underbids the
/// personas, wins, starts, reports its result, and the task completes with the agent's earnings recorded. The auction
/// may stay open 30 s but closes as soon as the remote agent, the last one it waits for, has bid.</summary>
public sealed class RemoteAgentRoundTripTests : IAsyncLifetime
{
    private SwarmKestrelHost _host = null!;
    public ValueTask InitializeAsync()
    {
        _host = SwarmKestrelHost.Start(("Timmy:Swarm:AuctionSeconds", "30"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RemoteAgent_RegistersPollsBidsWinsAndReports_TheTaskCompletesAndItIsPaid()
    {
        using var owner = _host.CreateClient(await _host.Factory.CreateTokenAsync(ApiScopes.SwarmRead, ApiScopes.SwarmWrite));
        using var agentHttp = _host.CreateClient(await _host.Factory.CreateTokenAsync(ApiScopes.AgentsRemote));
        var agent = new RemoteAgentClient(agentHttp, "render-farm");

        Assert.Equal(HttpStatusCode.Created, (await agent.RegisterAsync("Render farm", "video", "animation")).StatusCode);
        var poll = agent.WorkAsync(wait: 20);
        var taskId = await owner.PostTaskAsync("Animate the logo for the intro video", maxBid: 300);
        var offered = await poll;
        Assert.Equal([taskId], RemoteAgentClient.AuctionIds(offered));

        Assert.Equal(HttpStatusCode.Created, (await agent.BidAsync(taskId, 7)).StatusCode);
        var won = await agent.WorkAsync();
        Assert.Equal([taskId], RemoteAgentClient.AssignedIds(won));
        Assert.Equal(7, won.GetProperty("assigned")[0].GetProperty("winning_bid_sats").GetInt64());
        Assert.Equal("running", (await (await agent.StartAsync(taskId)).BodyAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await agent.ResultAsync(taskId, "# Done\nThe logo spins.")).StatusCode);

        var detail = await owner.GetJsonAsync($"/api/v1/tasks/{taskId}");
        var task = detail.GetProperty("task");
        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal("render-farm", task.GetProperty("assigned_agent").GetString());
        Assert.Equal("# Done\nThe logo spins.", task.GetProperty("result").GetString());
        Assert.Contains(task.GetProperty("routing_scores").EnumerateArray(),
            s => s.GetProperty("agent_id").GetString() == "render-farm" && s.GetProperty("score").GetDouble() > 0);
        var winner = Assert.Single(detail.GetProperty("bids").EnumerateArray(), b => b.GetProperty("winner").GetBoolean());
        Assert.Equal("render-farm", winner.GetProperty("agent_id").GetString());
        // The memory remembering the result (memory.stored, with the task's id) may come in after the task's own events.
        var types = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event_type").GetString())
            .Where(t => !t!.StartsWith("memory.", StringComparison.Ordinal)).ToList();
        Assert.Equal([EventType.TaskAssigned, EventType.TaskStarted, EventType.TaskCompleted], types.TakeLast(3));
        var stats = (await owner.GetJsonAsync("/api/v1/agents/render-farm")).GetProperty("stats");
        Assert.Equal(7, stats.GetProperty("sats_earned").GetInt64());
        Assert.Equal(1, stats.GetProperty("tasks_completed").GetInt64());
        Assert.Empty(RemoteAgentClient.AssignedIds(await agent.WorkAsync()));
    }

    [Fact]
    public async Task LongPoll_WithNothingToDo_AnswersEmptyAfterItsWait()
    {
        using var agentHttp = _host.CreateClient(await _host.Factory.CreateTokenAsync(ApiScopes.AgentsRemote));
        var agent = new RemoteAgentClient(agentHttp, "idle-box");
        await agent.RegisterAsync();
        var started = DateTime.UtcNow;

        var work = await agent.WorkAsync(wait: 1);

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the poll should wait for work");
        Assert.Empty(RemoteAgentClient.AuctionIds(work));
        Assert.Empty(RemoteAgentClient.AssignedIds(work));
    }
}
