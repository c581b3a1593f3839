using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Swarm;

/// <summary>Waiting for a task to reach a state, as every swarm test host does (no fixed sleeps).</summary>
public static class TaskStoreWaits
{
    /// <summary>Waits until the task has finished (completed, failed or cancelled) and returns it.</summary>
    public static Task<SwarmTask> FinishedAsync(this ITaskStore tasks, string taskId) =>
        UntilAsync(tasks, taskId, t => t.IsFinal, "to finish");

    /// <summary>Waits until the task is in <paramref name="status"/> and returns it.</summary>
    public static Task<SwarmTask> InStatusAsync(this ITaskStore tasks, string taskId, string status) =>
        UntilAsync(tasks, taskId, t => t.Status == status, $"to be {status}");

    private static async Task<SwarmTask> UntilAsync(ITaskStore tasks, string taskId, Func<SwarmTask, bool> reached, string what)
    {
        SwarmTask? task = null;
        await Eventually.TrueAsync(async () => (task = await tasks.GetAsync(taskId)) is { } found && reached(found), $"task {taskId} {what}");
        return task!;
    }
}
