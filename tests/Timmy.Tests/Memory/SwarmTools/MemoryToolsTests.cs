using System.Text.Json;
using Microsoft.Extensions.AI;
using Timmy.Core.Memory;
using Timmy.Core.Memory.SwarmTools;
using Timmy.Core.Swarm.Execution;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Tests.Memory.SwarmTools;

/// <summary>An agent's memory tools read only its own and shared entries, write notes tied to its task, and find past
/// task results; a bad argument is answered, not thrown.</summary>
public sealed class MemoryToolsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private MemoryHarness _m = null!;

    public async ValueTask InitializeAsync() => _m = await MemoryHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _m.DisposeAsync();

    [Fact]
    public async Task SearchMemory_SeesOwnAndShared_NeverOthersPrivateNotes()
    {
        await _m.StoreAsync("cat notes of echo", agent: "echo");
        await _m.StoreAsync("cat notes of mace", agent: "mace");
        await _m.StoreAsync("cat notes mace shared", agent: "mace", shared: true);
        await _m.StoreAsync("cat notes of the owner");

        var found = await CallAsync("echo", "search_memory", new() { ["query"] = "cat notes" });

        Assert.Equal(["cat notes mace shared", "cat notes of echo"], found.EnumerateArray().Select(e => e.GetProperty("content").GetString()).Order());
    }

    [Fact]
    public async Task Remember_StoresANoteOfTheAgent_TiedToItsTask()
    {
        var stored = await CallAsync("echo", "remember", new() { ["content"] = "The parser fails on tabs", ["shared"] = false });

        var entry = await _m.Service.GetAsync(stored.GetProperty("id").GetString()!, MemoryViewer.Owner, Ct);
        Assert.Equal(("echo", "task-1", false, "agent:echo"), (entry.AgentId, entry.TaskId, entry.Shared, entry.Source));
        Assert.Empty((await CallAsync("mace", "search_memory", new() { ["query"] = "parser tabs" })).EnumerateArray());
        Assert.Single((await CallAsync("echo", "search_memory", new() { ["query"] = "parser tabs" })).EnumerateArray());
    }

    [Fact]
    public async Task SimilarTasks_FindsPastResults_NotTheCurrentTask()
    {
        await _m.Service.StoreAsync(new NewMemory("Task: summarize the parser bug\n\nResult by echo:\nTabs break it", MemoryContextTypes.Document, TaskResultMemory.Source)
        { AgentId = "echo", TaskId = "task-0", Shared = true }, Ct);
        await _m.Service.StoreAsync(new NewMemory("Task: summarize the parser bug again", MemoryContextTypes.Document, TaskResultMemory.Source)
        { AgentId = "echo", TaskId = "task-1", Shared = true }, Ct);
        await _m.StoreAsync("summarize the parser bug (a note, not a task)", agent: "echo", shared: true);

        var found = await CallAsync("forge", "similar_tasks", []);

        var only = Assert.Single(found.EnumerateArray());
        Assert.Equal("task-0", only.GetProperty("task_id").GetString());
    }

    [Fact]
    public async Task BadArguments_AreAnswered_NotThrown()
    {
        var unknownType = await CallAsync("echo", "search_memory", new() { ["query"] = "x", ["type"] = "diary" });
        var emptyNote = await CallAsync("echo", "remember", new() { ["content"] = " " });

        Assert.Contains("'type' must be one of", unknownType.GetProperty("error").GetString());
        Assert.Contains("must not be empty", emptyNote.GetProperty("error").GetString());
    }

    private async Task<JsonElement> CallAsync(string agent, string tool, Dictionary<string, object?> arguments)
    {
        var task = new SwarmTask("task-1", "Summarize the parser bug", SwarmTaskStatus.Running, agent, null, DateTimeOffset.UtcNow, null, 10, 5, null,
            DateTimeOffset.UtcNow, null, null, "owner", null, []);
        var context = new SwarmToolContext(task, agent, (_, _, _) => throw new InvalidOperationException("no sub-tasks here"));
        var function = new MemoryTools(_m.Service).ToolsFor(context).Single(f => f.Name == tool);
        var result = await function.InvokeAsync(new AIFunctionArguments(arguments), Ct);
        return JsonSerializer.SerializeToElement(result);
    }
}
