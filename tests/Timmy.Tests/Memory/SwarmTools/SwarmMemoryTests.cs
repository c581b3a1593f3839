using Timmy.Core.Memory;
using Timmy.Core.Memory.SwarmTools;
using Timmy.Core.Swarm;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Memory.SwarmTools;

/// <summary>The swarm remembers its work: a completed task becomes a shared entry, and a later agent finds it with
/// similar_tasks through the router's tool calls.</summary>
public sealed class SwarmMemoryTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private SwarmWebHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SwarmWebHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ACompletedTask_IsRemembered_AndFoundByTheNextSimilarTask()
    {
        var ollama = _host.Inner.Ollama;
        ollama.Enqueue(FakeReply.Answer("The flaky test races on the shared clock."));
        var first = await _host.Coordinator.PostAsync(new TaskPost("Debug the flaky unit tests in the parser"), "owner", "owner", Ct);
        await _host.FinishedAsync(first.Id);
        var memory = _host.Factory.Service<MemoryService>();
        await Eventually.TrueAsync(async () =>
            (await memory.ListAsync(new MemoryFilter { Source = TaskResultMemory.Source, TaskId = first.Id }, MemoryViewer.Owner, null, 5, Ct)).Items.Count == 1,
            "the first task's result remembered");
        var remembered = (await memory.ListAsync(new MemoryFilter { TaskId = first.Id }, MemoryViewer.Owner, null, 5, Ct)).Items.Single();
        Assert.True(remembered.Shared);
        Assert.Contains("races on the shared clock", remembered.Content);

        ollama.Enqueue(
            FakeReply.ToolCall("similar_tasks", new Dictionary<string, object?>()),
            FakeReply.Answer("Same cause as last time."));
        var second = await _host.Coordinator.PostAsync(new TaskPost("Debug the flaky unit tests in the lexer"), "owner", "owner", Ct);
        await _host.FinishedAsync(second.Id);

        var toolAnswer = ollama.Requests[^1].ToJsonString();
        Assert.Contains("races on the shared clock", toolAnswer);
        Assert.Contains(first.Id, toolAnswer);
    }
}
