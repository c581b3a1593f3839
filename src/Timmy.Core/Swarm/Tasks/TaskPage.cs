namespace Timmy.Core.Swarm.Tasks;

/// <summary>One page of tasks, newest first; <see cref="OlderCursor"/> continues the list (null at its end).</summary>
public sealed record TaskPage(IReadOnlyList<SwarmTask> Items, string? OlderCursor);
