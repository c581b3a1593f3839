using Timmy.Core.Events;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Api.Swarm;

/// <summary>The parts of the swarm the endpoints use, taken as one <c>[AsParameters]</c> argument, and the agent views
/// that need several of them (the stored agent, its record, its load now).</summary>
public sealed record SwarmServices(
    SwarmCoordinator Coordinator,
    AuctionHouse Auctions,
    AgentRoster Roster,
    ITaskStore Tasks,
    IAgentStore Agents,
    BidLearner Learner,
    EventReader Events)
{
    public async Task<IReadOnlyList<AgentDto>> AgentViewsAsync(CancellationToken cancellationToken)
    {
        var agents = await Agents.ListAsync(cancellationToken);
        var stats = await Agents.StatsAsync(cancellationToken);
        return [.. agents.Select(a => AgentView(a, stats))];
    }

    public async Task<AgentDto> AgentViewAsync(SwarmAgent agent, CancellationToken cancellationToken) =>
        AgentView(agent, await Agents.StatsAsync(cancellationToken));

    private AgentDto AgentView(SwarmAgent agent, IReadOnlyDictionary<string, AgentStats> stats) =>
        AgentDto.From(agent, stats.GetValueOrDefault(agent.Id), Roster.Find(agent.Id)?.ActiveTasks ?? 0);
}
