using Timmy.Core.Events;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Swarm;

/// <summary>The winner of an auction carries the task out through the cascade router: with tools (each call logged),
/// within its time limit, and it stops when the task is cancelled.</summary>
public sealed class TaskExecutionTests : LoopbackSwarmTests
{
    protected override RouterHarness Configure(RouterHarness harness) =>
        base.Configure(harness).Setting("Timmy:Swarm:TaskTimeoutSeconds", "30");

    [Fact]
    public async Task ToolCall_RoundTrip_ReadsTheEventLog_ThenAnswers_AndEveryCallIsLogged()
    {
        Ollama.Enqueue(
            FakeReply.ToolCall("read_event_log", new Dictionary<string, object?> { ["types"] = "agent.*", ["limit"] = 5 }),
            FakeReply.Answer("Three agents are online."));

        var task = await PostAsync("Research which agents joined the swarm today");
        var done = await FinishedAsync(task.Id);

        Assert.Equal(SwarmTaskStatus.Completed, done.Status);
        Assert.Equal("echo", done.AssignedAgent);
        Assert.Equal("Three agents are online.", done.Result);
        // The second model call carried the tool's answer: the agent.joined events of the swarm's start.
        var toolResult = Ollama.Requests[^1]["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
        Assert.Contains("agent.joined", toolResult);
        var events = await TimelineAsync(task.Id);
        var called = Assert.Single(events, e => e.EventType == EventType.ToolCalled);
        Assert.Equal("read_event_log", called.Data.GetProperty("tool").GetString());
        Assert.Equal("echo", called.AgentId);
        var completed = Assert.Single(events, e => e.EventType == EventType.ToolCompleted);
        Assert.StartsWith("[{\"id\":", completed.Data.GetProperty("result").GetString());
        Assert.Contains("\"type\":\"agent.", completed.Data.GetProperty("result").GetString());
        var taskCompleted = Assert.Single(events, e => e.EventType == EventType.TaskCompleted);
        Assert.Equal(1, taskCompleted.Data.GetProperty("tool_calls").GetInt32());
        Assert.Equal("ollama", taskCompleted.Data.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task PostSubtaskTool_PostsAChildTask_ThatItsOwnAuctionAssigns()
    {
        Ollama.Enqueue(
            FakeReply.ToolCall("post_subtask", new Dictionary<string, object?> { ["description"] = "Write unit tests for the parser", ["max_bid_sats"] = 500 }),
            FakeReply.Answer("Posted a sub-task for the tests."),
            FakeReply.Answer("Tests written."));

        var parent = await PostAsync("Summarize the parser work and research what is missing");
        var done = await FinishedAsync(parent.Id);

        Assert.Equal(SwarmTaskStatus.Completed, done.Status);
        var children = (await Tasks.ListAsync(new TaskQuery { ParentTaskId = parent.Id }, Ct)).Items;
        var child = Assert.Single(children);
        Assert.Equal("Write unit tests for the parser", child.Description);
        Assert.Equal(500, child.MaxBidSats);
        Assert.Equal($"agent:{done.AssignedAgent}", child.PostedBy);
        Assert.Equal(SwarmTaskStatus.Completed, (await FinishedAsync(child.Id)).Status);
    }

    [Fact]
    public async Task ToolRefusal_GoesBackToTheModel_AsAnError_AndIsLoggedAsFailed()
    {
        Ollama.Enqueue(
            FakeReply.ToolCall("post_subtask", new Dictionary<string, object?> { ["description"] = "   " }),
            FakeReply.Answer("Could not post it."));

        var task = await PostAsync("Research the parser");
        var done = await FinishedAsync(task.Id);

        Assert.Equal(SwarmTaskStatus.Completed, done.Status);
        var failed = Assert.Single(await TimelineAsync(task.Id), e => e.EventType == EventType.ToolFailed);
        Assert.Contains("description", failed.Data.GetProperty("error").GetString());
        Assert.Contains("empty", Ollama.Requests[^1]["messages"]!.AsArray().Last()!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunPastItsTimeLimit_FailsCleanly_AndTheAgentIsIdleAgain()
    {
        Ollama.Default = FakeReply.Stall();

        var task = await PostAsync("Debug the flaky test");
        await InStatusAsync(task.Id, SwarmTaskStatus.Running);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.ChatRequests > 0), "the model call to start");
        Assert.Equal("busy", (await Agents.GetAsync("forge", Ct))!.Status);
        Harness.Time.Advance(TimeSpan.FromSeconds(31));
        var done = await FinishedAsync(task.Id);

        Assert.Equal(SwarmTaskStatus.Failed, done.Status);
        Assert.Equal("timed out after 30 s", done.Error);
        await Eventually.TrueAsync(async () => (await Agents.GetAsync("forge", Ct))!.Status == "idle", "forge to be idle");
        Assert.Equal(EventType.TaskFailed, (await TimelineAsync(task.Id))[^1].EventType);
    }

    [Fact]
    public async Task CancellingARunningTask_StopsItsModelCall()
    {
        Ollama.Default = FakeReply.Stall();

        var task = await PostAsync("Debug the flaky test");
        await InStatusAsync(task.Id, SwarmTaskStatus.Running);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.ChatRequests > 0), "the model call to start");
        var cancelled = await Coordinator.CancelAsync(task.Id, "owner", Ct);

        Assert.Equal(SwarmTaskStatus.Cancelled, cancelled.Status);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.AbortedRequests > 0), "the model call to be aborted");
        await Eventually.TrueAsync(async () => (await Agents.GetAsync("forge", Ct))!.Status == "idle", "forge to be idle");
        Assert.Equal(SwarmTaskStatus.Cancelled, (await Tasks.GetAsync(task.Id, Ct))!.Status);
        var last = (await TimelineAsync(task.Id))[^1];
        Assert.Equal(EventType.TaskCancelled, last.EventType);
        Assert.Equal("running", last.Data.GetProperty("previous").GetString());
    }

    [Fact]
    public async Task NoProviderAnswering_FailsTheTask_WithTheRoutersReason()
    {
        Ollama.Default = FakeReply.Error(500);
        OpenAi.Default = FakeReply.Error(500);

        var task = await PostAsync("Debug the flaky test");
        var done = await FinishedAsync(task.Id);

        Assert.Equal(SwarmTaskStatus.Failed, done.Status);
        Assert.False(string.IsNullOrWhiteSpace(done.Error));
        Assert.Equal("forge", done.AssignedAgent);
    }
}
