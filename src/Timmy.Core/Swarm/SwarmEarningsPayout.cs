using Timmy.Core.Refusals;
using Timmy.Core.Storage;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm;

/// <summary>Records what a winner earned in <c>agent_earnings</c> (once per task): the swarm's own accounting, shown on
/// the marketplace. No sats move, so an invoice handed in is refused rather than silently left unpaid.</summary>
public sealed class SwarmEarningsPayout(IAgentStore agents) : ITaskPayout
{
    public Task CheckInvoiceAsync(SwarmTask task, string agentId, string? invoice, CancellationToken cancellationToken = default) =>
        invoice is null
            ? Task.CompletedTask
            : throw new InvalidFieldException("invoice", "This server pays no invoices: Lightning payouts are not enabled. Report the result without one.");

    public Task PayAsync(WriteTransaction transaction, SwarmTask task, string agentId, long amountSats, string? invoice, CancellationToken cancellationToken = default) =>
        agents.RecordEarningAsync(transaction, task.Id, agentId, amountSats, cancellationToken);
}
