using Timmy.Core.Refusals;

namespace Timmy.Core.Swarm.Tasks;

public sealed class TaskNotFoundException(string taskId) : NotFoundException("No such task", $"There is no task {taskId}.")
{
    public string TaskId { get; } = taskId;
}
