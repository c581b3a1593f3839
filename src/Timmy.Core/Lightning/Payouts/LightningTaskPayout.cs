using Microsoft.Extensions.Options;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Refusals;
using Timmy.Core.Storage;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Lightning.Payouts;

/// <summary>The swarm's payout seam, paid in sats: every winner's earning is recorded (a persona's internal balance,
/// shown on the marketplace), and a remote winner that handed in a BOLT11 invoice for exactly its bid is paid over
/// Lightning. The payment is recorded as a pending ledger entry inside the task's completion, and sent once that
/// commits (<see cref="PayoutSender"/>); if the server stops first, the reconciler sends it.</summary>
public sealed class LightningTaskPayout(IAgentStore agents, LedgerService ledger, PayoutSender sender, IOptions<LightningOptions> options, TimeProvider time)
    : ITaskPayout
{
    public async Task CheckInvoiceAsync(SwarmTask task, string agentId, string? invoice, CancellationToken cancellationToken = default)
    {
        if (invoice is null)
        {
            return;
        }
        if (!options.Value.PayAgents)
        {
            throw new InvalidFieldException("invoice", "This server does not pay agents over Lightning (Timmy:Lightning:PayAgents is off). Report the result without an invoice.");
        }
        var preview = await ledger.PreviewAsync(invoice, cancellationToken);
        if (preview.Problem is not null)
        {
            throw new InvalidFieldException("invoice", preview.Problem);
        }
        var bidMsat = (task.WinningBidSats ?? 0) * 1000;
        if (preview.Invoice.AmountMsat != bidMsat)
        {
            var asked = preview.Invoice.AmountMsat is { } msat ? $"{msat / 1000.0:0.###} sats" : "no amount";
            throw new InvalidFieldException("invoice", $"The invoice must be for the winning bid, {task.WinningBidSats:N0} sats; it asks for {asked}.");
        }
        if (preview.Invoice.ExpiresAt < time.GetUtcNow().AddMinutes(1))
        {
            throw new InvalidFieldException("invoice", "The invoice expires within a minute; hand in one that gives the node time to pay it.");
        }
    }

    public async Task PayAsync(WriteTransaction transaction, SwarmTask task, string agentId, long amountSats, string? invoice, CancellationToken cancellationToken = default)
    {
        await agents.RecordEarningAsync(transaction, task.Id, agentId, amountSats, cancellationToken);
        if (invoice is null || amountSats <= 0 || !options.Value.PayAgents)
        {
            return;
        }
        var entry = await ledger.RecordPaymentAsync(transaction, LedgerService.Decode(invoice), new PaymentOrder(invoice)
        {
            Source = LedgerSources.Payout, TaskId = task.Id, AgentId = agentId, Memo = $"Payout for task {task.Id}",
        }, cancellationToken);
        transaction.OnCommitted(() => sender.Enqueue(entry));
    }
}
