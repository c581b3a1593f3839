using Timmy.Core.Swarm.Agents;

namespace Timmy.Web.Api.Swarm;

/// <summary>An agent's record from the database. <see cref="SuccessRate"/> is completed ÷ (completed + failed), null
/// before its first finished task; <see cref="SatsEarned"/> is what winning bids paid it.</summary>
public sealed record AgentStatsDto(long TasksWon, long TasksCompleted, long TasksFailed, double? SuccessRate, long SatsEarned)
{
    public static AgentStatsDto From(AgentStats stats) =>
        new(stats.TasksWon, stats.TasksCompleted, stats.TasksFailed, stats.SuccessRate, stats.SatsEarned);
}
