using Timmy.Core.Refusals;

namespace Timmy.Core.Swarm.Agents;

/// <summary>A remote agent's token tried to act for an agent it did not register (or for a persona).</summary>
public sealed class AgentAccessDeniedException(string agentId)
    : ForbiddenException("Not your agent", $"Agent {agentId} was not registered with this token; a token acts only for the agents it registered.");
