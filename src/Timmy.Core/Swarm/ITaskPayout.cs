using Timmy.Core.Storage;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm;

/// <summary>Pays the winner of a completed task its winning bid. It is called inside the transaction that completes the
/// task, so what it records there commits with the completion or not at all; a payout that needs the network (a
/// Lightning payment) records what is owed here and pays from <see cref="WriteTransaction.OnCommitted"/> or a worker.
/// The swarm's own implementation records the earning in its stats (<see cref="SwarmEarningsPayout"/>); the Lightning
/// feature's also pays a remote winner the invoice it handed in with its result.</summary>
public interface ITaskPayout
{
    /// <summary>Refuses, before the task is completed, an invoice a remote winner handed in that cannot be paid as its
    /// payout (not an invoice, another amount than the bid, expired): <c>InvalidFieldException</c> naming
    /// <c>invoice</c>, and nothing changes.</summary>
    Task CheckInvoiceAsync(SwarmTask task, string agentId, string? invoice, CancellationToken cancellationToken = default);

    Task PayAsync(WriteTransaction transaction, SwarmTask task, string agentId, long amountSats, string? invoice, CancellationToken cancellationToken = default);
}
