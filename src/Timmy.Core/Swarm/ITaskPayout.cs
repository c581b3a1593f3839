using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm;

/// <summary>Pays the winner of a completed task its winning bid. The swarm's own implementation records the earning in
/// its stats (<see cref="SwarmEarningsPayout"/>); the Lightning feature replaces it with a real payment.</summary>
public interface ITaskPayout
{
    Task PayAsync(SwarmTask task, string agentId, long amountSats, CancellationToken cancellationToken = default);
}
