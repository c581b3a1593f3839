using Timmy.Core.Refusals;

namespace Timmy.Core.Swarm.Tasks;

/// <summary>A task was asked to move where <see cref="TaskStateMachine"/> does not allow from its current state
/// (cancelling a completed task, starting a failed one). Nothing changed.</summary>
public sealed class IllegalTaskTransitionException(string taskId, string from, string to) : ConflictException(
    "Task state does not allow this",
    $"Task {taskId} is {from}; it cannot become {to}." + (SwarmTaskStatus.IsFinal(from) ? " It has finished; re-post it as a new task instead." : ""))
{
    public string TaskId { get; } = taskId;
    public string From { get; } = from;
    public string To { get; } = to;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?>
    {
        ["task_id"] = TaskId, ["status"] = From, ["requested"] = To,
    };
}
