namespace Timmy.Core.Swarm.Agents;

/// <summary>An agent's record from the database: auctions won, tasks completed and failed, sats earned.</summary>
public sealed record AgentStats(string AgentId, long TasksWon, long TasksCompleted, long TasksFailed, long SatsEarned)
{
    public static AgentStats None(string agentId) => new(agentId, 0, 0, 0, 0);

    /// <summary>Completed out of finished (completed + failed); null before the first finished task.</summary>
    public double? SuccessRate => TasksCompleted + TasksFailed == 0 ? null : (double)TasksCompleted / (TasksCompleted + TasksFailed);
}
