using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Memory.SwarmTools;

/// <summary>The swarm's experience: each completed task is remembered as one shared entry (the task and its result,
/// owned by the agent that did it, tied to the task), so agents can look up similar past tasks. It listens for
/// task.completed on the event bus; a completion it misses while the bus drops events (a burst beyond its buffer) is not
/// remembered, which costs a future agent an example, never data.</summary>
public sealed class TaskResultMemory(IEventBus bus, ITaskStore tasks, MemoryService memory, IOptions<MemoryOptions> options, ILogger<TaskResultMemory> logger)
    : BackgroundService
{
    public const string Source = "swarm";
    private const int Buffer = 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        EventTypePattern.TryParse(EventType.TaskCompleted, out var completed, out _);
        using var subscription = bus.Subscribe(Buffer, [completed]);
        while (!stoppingToken.IsCancellationRequested)
        {
            FeedItem item;
            try
            {
                item = await subscription.ReadAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (item.Gap is { } gap)
            {
                logger.LogWarning("{Count} task completions were not remembered: the bus dropped them", gap.Missed);
            }
            if (item.Event?.TaskId is { } taskId)
            {
                await RememberAsync(taskId, stoppingToken);
            }
        }
    }

    /// <summary>Stores the task's description and result as a shared entry; nothing when it has no result.</summary>
    public async Task<MemoryEntry?> RememberAsync(string taskId, CancellationToken cancellationToken = default)
    {
        try
        {
            var task = await tasks.GetAsync(taskId, cancellationToken);
            if (task is not { Status: SwarmTaskStatus.Completed, Result.Length: > 0 })
            {
                return null;
            }
            var content = $"Task: {task.Description.Trim()}\n\nResult by {task.AssignedAgent}:\n{task.Result.Trim()}";
            var max = options.Value.MaxContentLength;
            return await memory.StoreAsync(new NewMemory(content.Length <= max ? content : content[..max], MemoryContextTypes.Document, Source)
            {
                AgentId = task.AssignedAgent,
                TaskId = task.Id,
                Shared = true,
                Metadata = JsonSerializer.Serialize(new { kind = "task_result", winning_bid_sats = task.WinningBidSats }),
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not remember the result of task {TaskId}", taskId);
            return null;
        }
    }
}
