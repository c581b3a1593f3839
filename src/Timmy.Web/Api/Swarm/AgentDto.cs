using Timmy.Core.Swarm.Agents;

namespace Timmy.Web.Api.Swarm;

/// <summary>An agent of the swarm with its record. <see cref="ActiveTasks"/> is its load now (tasks it is working on);
/// <see cref="TokenBound"/> says whether a remote agent is tied to an API token (the token's id is not shown).</summary>
public sealed record AgentDto(
    string Id,
    string Name,
    string Kind,
    string Status,
    IReadOnlyList<string> Capabilities,
    string? PersonaId,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastSeen,
    int ActiveTasks,
    bool TokenBound,
    AgentStatsDto Stats)
{
    public static AgentDto From(SwarmAgent agent, AgentStats? stats, int activeTasks) => new(
        agent.Id, agent.Name, agent.Kind, agent.Status, agent.Capabilities, agent.PersonaId, agent.RegisteredAt, agent.LastSeen,
        activeTasks, agent.TokenId is not null, AgentStatsDto.From(stats ?? AgentStats.None(agent.Id)));
}
