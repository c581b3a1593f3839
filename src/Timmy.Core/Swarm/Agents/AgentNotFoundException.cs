using Timmy.Core.Refusals;

namespace Timmy.Core.Swarm.Agents;

public sealed class AgentNotFoundException(string agentId) : NotFoundException("No such agent", $"There is no agent {agentId}.")
{
    public string AgentId { get; } = agentId;
}
