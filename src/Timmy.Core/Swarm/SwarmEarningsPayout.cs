using Timmy.Core.Storage;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm;

/// <summary>Records what a winner earned in <c>agent_earnings</c> (once per task). No sats move: until a Lightning
/// backend pays agents, the earnings are the swarm's own accounting, shown on the marketplace.</summary>
public sealed class SwarmEarningsPayout(IAgentStore agents) : ITaskPayout
{
    public Task PayAsync(WriteTransaction transaction, SwarmTask task, string agentId, long amountSats, CancellationToken cancellationToken = default) =>
        agents.RecordEarningAsync(transaction, task.Id, agentId, amountSats, cancellationToken);
}
