namespace Timmy.Core.Swarm.Tasks;

/// <summary>How a completed task was answered: the provider and model (null for a remote agent), how long the run took
/// and how many tool calls it made.</summary>
public sealed record TaskRunFacts(string? Provider, string? Model, double? LatencyMs, int ToolCalls)
{
    public static TaskRunFacts Remote { get; } = new(null, null, null, 0);
}
