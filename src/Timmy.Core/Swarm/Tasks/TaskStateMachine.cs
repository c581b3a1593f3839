namespace Timmy.Core.Swarm.Tasks;

/// <summary>The one place a task's allowed moves are written down: pending → bidding → assigned → running →
/// completed | failed, failed from any state before completion, cancelled from any non-final state. The store's
/// UPDATE names <see cref="SourcesOf"/> in its WHERE clause, so two racing changes cannot both win.</summary>
public static class TaskStateMachine
{
    private static readonly Dictionary<string, string[]> Moves = new(StringComparer.Ordinal)
    {
        [SwarmTaskStatus.Pending] = [SwarmTaskStatus.Bidding, SwarmTaskStatus.Failed, SwarmTaskStatus.Cancelled],
        [SwarmTaskStatus.Bidding] = [SwarmTaskStatus.Assigned, SwarmTaskStatus.Failed, SwarmTaskStatus.Cancelled],
        [SwarmTaskStatus.Assigned] = [SwarmTaskStatus.Running, SwarmTaskStatus.Failed, SwarmTaskStatus.Cancelled],
        [SwarmTaskStatus.Running] = [SwarmTaskStatus.Completed, SwarmTaskStatus.Failed, SwarmTaskStatus.Cancelled],
    };

    public static bool CanMove(string from, string to) => Moves.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Every state from which a task may move to <paramref name="to"/>.</summary>
    public static IReadOnlyList<string> SourcesOf(string to) =>
        [.. Moves.Where(m => m.Value.Contains(to)).Select(m => m.Key)];

    /// <exception cref="IllegalTaskTransitionException">The move is not allowed.</exception>
    public static void EnsureCanMove(string taskId, string from, string to)
    {
        if (!CanMove(from, to))
        {
            throw new IllegalTaskTransitionException(taskId, from, to);
        }
    }
}
