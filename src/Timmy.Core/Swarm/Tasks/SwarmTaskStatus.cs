namespace Timmy.Core.Swarm.Tasks;

/// <summary>The states of a swarm task, as stored in <c>tasks.status</c>. How a task moves between them is
/// <see cref="TaskStateMachine"/>.</summary>
public static class SwarmTaskStatus
{
    public const string Pending = "pending";
    public const string Bidding = "bidding";
    public const string Assigned = "assigned";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Pending, Bidding, Assigned, Running, Completed, Failed, Cancelled];

    /// <summary>Completed, failed and cancelled: nothing moves a task out of these.</summary>
    public static bool IsFinal(string status) => status is Completed or Failed or Cancelled;
}
