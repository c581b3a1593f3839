using Timmy.Core.Events;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Chat;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Swarm;

/// <summary>The real host with the swarm running over the loopback fake Ollama (see <see cref="ChatWebHost"/>), with
/// auctions that close as soon as the personas have bid unless a test says otherwise.</summary>
public sealed class SwarmWebHost : IAsyncDisposable
{
    private SwarmWebHost(ChatWebHost inner) => Inner = inner;

    public ChatWebHost Inner { get; }

    public TimmyWebFactory Factory => Inner.Factory;

    public SwarmCoordinator Coordinator => Factory.Service<SwarmCoordinator>();

    public ITaskStore Tasks => Factory.Service<ITaskStore>();

    public static async Task<SwarmWebHost> StartAsync(params (string Key, string Value)[] settings) =>
        new(await ChatWebHost.StartAsync([("Timmy:Swarm:AuctionSeconds", "0"), .. settings]));

    /// <summary>Waits until the task has finished (completed, failed or cancelled) and returns it.</summary>
    public Task<SwarmTask> FinishedAsync(string taskId) => Tasks.FinishedAsync(taskId);

    /// <summary>Waits until the task has finished and its winner has let go of it (paid, its outcome learned, idle again
    /// in the store), then returns the task. A task shows as finished a moment before its winner is idle.</summary>
    public async Task<SwarmTask> SettledAsync(string taskId)
    {
        var task = await FinishedAsync(taskId);
        if (task.AssignedAgent is { } agent)
        {
            await Eventually.TrueAsync(async () => (await Factory.Service<IAgentStore>().GetAsync(agent))?.Status == AgentStatus.Idle
                && (Factory.Service<AgentRoster>().Find(agent)?.ActiveTasks ?? 0) == 0, $"agent {agent} to be idle again");
        }
        return task;
    }

    /// <summary>The types of the swarm's events logged for a task, oldest first. The memory's (memory.stored, when it
    /// remembers the result) are left out: they come whenever the memory gets to them.</summary>
    public async Task<IReadOnlyList<string>> EventTypesAsync(string taskId) =>
        (await Factory.Service<EventReader>().TimelineAsync(taskId, null)).Select(e => e.EventType)
            .Where(t => !t.StartsWith("memory.", StringComparison.Ordinal)).ToList();

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
