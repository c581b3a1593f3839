namespace Timmy.Core.Swarm.Agents;

/// <summary>An agent's availability, as stored in <c>agents.status</c>: idle and busy agents are online.</summary>
public static class AgentStatus
{
    public const string Idle = "idle";
    public const string Busy = "busy";
    public const string Offline = "offline";
}
