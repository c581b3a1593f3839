using Timmy.Core.Storage;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm;

/// <summary>Pays the winner of a completed task its winning bid. It is called inside the transaction that completes the
/// task, so what it records there commits with the completion or not at all; a payout that needs the network (a
/// Lightning payment) records what is owed here and pays from <see cref="WriteTransaction.OnCommitted"/> or a worker.
/// The swarm's own implementation records the earning in its stats (<see cref="SwarmEarningsPayout"/>).</summary>
public interface ITaskPayout
{
    Task PayAsync(WriteTransaction transaction, SwarmTask task, string agentId, long amountSats, CancellationToken cancellationToken = default);
}
