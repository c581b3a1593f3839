using System.Net;
using Timmy.Core.Security;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Tests.Swarm;

/// <summary>The remote-agent protocol in process: registering, polling for work, bidding and declining with every bad
/// input refused and nothing stored, and reporting on a won task. Auctions stay open 30 s, so they wait for the remote
/// agent (registered before the task is posted) to answer.</summary>
public sealed class RemoteAgentEndpointsTests : SwarmApiTests
{
    private RemoteAgentClient _agent = null!;

    protected override (string Key, string Value)[] Settings => [("Timmy:Swarm:AuctionSeconds", "30")];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _agent = new RemoteAgentClient(await Host.Factory.CreateOwnerClientAsync(ApiScopes.AgentsRemote), "gpu-box");
    }

    [Fact]
    public async Task Register_New_Returns201_Again_Returns200KeepingItsRegistration()
    {
        var first = await _agent.RegisterAsync("GPU box", "image generation");
        var again = await _agent.RegisterAsync("GPU box 2");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/v1/agents/gpu-box", first.Headers.Location!.OriginalString);
        var registered = await first.BodyAsync();
        Assert.Equal("remote", registered.GetProperty("kind").GetString());
        Assert.Equal("idle", registered.GetProperty("status").GetString());
        Assert.Equal(["image generation"], registered.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var reregistered = await again.BodyAsync();
        Assert.Equal("GPU box 2", reregistered.GetProperty("name").GetString());
        Assert.Equal(registered.GetProperty("registered_at").GetString(), reregistered.GetProperty("registered_at").GetString());
    }

    [Theory]
    [InlineData("""{"id":"Bad Id!"}""", "id")]
    [InlineData("""{"id":""}""", "id")]
    [InlineData("""{"name":"x"}""", "id")]
    [InlineData("""{"id":"ok-id","capabilities":"research"}""", "capabilities")]
    public async Task Register_BadInput_Returns400NamingTheField_AndStoresNothing(string json, string field)
    {
        var response = await _agent.Http.PostJsonAsync("/api/v1/agents", json);

        await response.AssertFieldRefusedAsync(field);
        Assert.Equal(4, (await Owner.GetJsonAsync("/api/v1/agents")).GetArrayLength());
    }

    [Fact]
    public async Task Register_APersonasId_Returns409()
    {
        var response = await new RemoteAgentClient(_agent.Http, "echo").RegisterAsync();

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("persona", (await Owner.GetJsonAsync("/api/v1/agents/echo")).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Work_OffersTheOpenAuction_UntilTheAgentHasBid()
    {
        await _agent.RegisterAsync();
        var taskId = await Owner.PostTaskAsync("Render a storyboard for the launch video", maxBid: 500);

        var before = await _agent.WorkAsync();
        var bid = await _agent.BidAsync(taskId, 40);
        var after = await _agent.WorkAsync();

        Assert.Equal([taskId], RemoteAgentClient.AuctionIds(before));
        Assert.Equal(500, before.GetProperty("auctions")[0].GetProperty("max_bid_sats").GetInt64());
        Assert.Equal(HttpStatusCode.Created, bid.StatusCode);
        Assert.Equal(40, (await bid.BodyAsync()).GetProperty("amount_sats").GetInt64());
        Assert.DoesNotContain(taskId, RemoteAgentClient.AuctionIds(after));
        Assert.Equal([taskId], RemoteAgentClient.AssignedIds(after));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("12.5")]
    [InlineData("\"12\"")]
    [InlineData("1e30")]
    [InlineData("99999999999999999999")]
    [InlineData("501")]
    [InlineData("null")]
    public async Task Bid_BadAmount_Returns400NamingAmountSats_AndStoresNoBid(string amount)
    {
        await _agent.RegisterAsync();
        var taskId = await Owner.PostTaskAsync("Render a storyboard for the launch video", maxBid: 500);

        var response = await _agent.Http.PostJsonAsync($"/api/v1/tasks/{taskId}/bids", $$"""{"agent_id":"gpu-box","amount_sats":{{amount}}}""");

        await response.AssertFieldRefusedAsync("amount_sats");
        Assert.DoesNotContain(await Host.Tasks.BidsAsync(taskId, Ct), b => b.AgentId == "gpu-box");
        Assert.Equal(SwarmTaskStatus.Bidding, (await Host.Tasks.GetAsync(taskId, Ct))!.Status);
    }

    [Fact]
    public async Task Bid_OnAClosedAuction_Returns409()
    {
        await _agent.RegisterAsync();
        var taskId = await Owner.PostTaskAsync("Render a storyboard for the launch video");
        await Owner.PostAsync($"/api/v1/tasks/{taskId}/cancel", null, Ct);

        var response = await _agent.BidAsync(taskId, 10);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("cancelled", problem.GetProperty("status").GetString());
        Assert.DoesNotContain(await Host.Tasks.BidsAsync(taskId, Ct), b => b.AgentId == "gpu-box");
    }

    [Fact]
    public async Task Bid_UnknownTaskOrAgent_Returns404()
    {
        await _agent.RegisterAsync();

        var unknownTask = await _agent.BidAsync("no-such-task", 10);
        var unknownAgent = await new RemoteAgentClient(_agent.Http, "ghost").BidAsync("no-such-task", 10);

        await unknownTask.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknownAgent.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Decline_LastAgentToAnswer_ClosesTheAuctionEarly()
    {
        await _agent.RegisterAsync();
        var taskId = await Owner.PostTaskAsync("Debug the failing unit tests");

        var response = await _agent.DeclineAsync(taskId);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var done = await Host.FinishedAsync(taskId);
        Assert.Equal("forge", done.AssignedAgent);
        Assert.Empty(RemoteAgentClient.AuctionIds(await _agent.WorkAsync()));
    }

    [Fact]
    public async Task Work_WaitOutOfRange_Returns400()
    {
        await _agent.RegisterAsync();

        var response = await _agent.Http.GetAsync("/api/v1/agents/gpu-box/work?wait=61", Ct);

        await response.AssertFieldRefusedAsync("wait");
    }

    [Fact]
    public async Task StartResultFail_ByAnAgentThatDidNotWin_Return409_AndTheTaskIsUntouched()
    {
        await _agent.RegisterAsync();
        var taskId = await Owner.PostTaskAsync("Render a storyboard for the launch video");

        var start = await _agent.StartAsync(taskId);
        var result = await _agent.ResultAsync(taskId, "done");
        var fail = await _agent.FailAsync(taskId, "broke");

        await start.AssertProblemAsync(HttpStatusCode.Conflict);
        await result.AssertProblemAsync(HttpStatusCode.Conflict);
        await fail.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(SwarmTaskStatus.Bidding, (await Host.Tasks.GetAsync(taskId, Ct))!.Status);
    }

    [Fact]
    public async Task Result_Empty_Returns400_AndTheTaskKeepsRunning()
    {
        var taskId = await WinAsync();
        await _agent.StartAsync(taskId);

        var response = await _agent.Http.PostJsonAsync($"/api/v1/tasks/{taskId}/result", """{"agent_id":"gpu-box","result":"  "}""");

        await response.AssertFieldRefusedAsync("result");
        Assert.Equal(SwarmTaskStatus.Running, (await Host.Tasks.GetAsync(taskId, Ct))!.Status);
    }

    [Fact]
    public async Task Fail_ByTheWinner_FailsTheTaskWithItsError_AndTheAgentIsIdleAgain()
    {
        var taskId = await WinAsync();

        var response = await _agent.FailAsync(taskId, "the GPU overheated");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await response.BodyAsync();
        Assert.Equal("failed", task.GetProperty("status").GetString());
        Assert.Equal("the GPU overheated", task.GetProperty("error").GetString());
        var agent = await Owner.GetJsonAsync("/api/v1/agents/gpu-box");
        Assert.Equal("idle", agent.GetProperty("status").GetString());
        Assert.Equal(1, agent.GetProperty("stats").GetProperty("tasks_failed").GetInt64());
    }

    [Fact]
    public async Task Heartbeat_ReturnsTheStatusAndTheTimeout()
    {
        await _agent.RegisterAsync();

        var response = await _agent.HeartbeatAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Equal("idle", body.GetProperty("status").GetString());
        Assert.Equal(60, body.GetProperty("heartbeat_timeout_seconds").GetDouble());
    }

    [Fact]
    public async Task Deregister_TakesTheAgentOffline_AndItCanNoLongerBid()
    {
        await _agent.RegisterAsync();
        var taskId = await Owner.PostTaskAsync("Render a storyboard for the launch video");

        var left = await _agent.DeregisterAsync();
        var bid = await _agent.BidAsync(taskId, 10);

        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        Assert.Equal("offline", (await Owner.GetJsonAsync("/api/v1/agents/gpu-box")).GetProperty("status").GetString());
        await bid.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    /// <summary>Registers the agent, posts a task and bids 1 sat on it: the auction closes at once, won by the agent.</summary>
    private async Task<string> WinAsync()
    {
        await _agent.RegisterAsync();
        var taskId = await Owner.PostTaskAsync("Render a storyboard for the launch video");
        Assert.Equal(HttpStatusCode.Created, (await _agent.BidAsync(taskId, 1)).StatusCode);
        Assert.Equal("gpu-box", (await Host.Tasks.GetAsync(taskId, Ct))!.AssignedAgent);
        return taskId;
    }
}
