using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Hosting;
using Timmy.Core.Lightning.Nodes;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>
/// No payment stays pending for ever: at start-up and then every <see cref="LightningOptions.ReconcileInterval"/>, every
/// pending entry is checked against the node. An invoice the node settled is settled (the settlement stream may have
/// been down), one it expired or cancelled is closed; a payment it finished is recorded with its preimage and fee. A
/// payment the node never heard of was cut off by a crash before it was asked: a task's payout is sent now, anything
/// else is failed (the owner decides again). Whatever the node and the ledger disagree about is logged as
/// payment.drift with both figures.
/// </summary>
public sealed class LedgerReconciler(
    LedgerService ledger, ILightningNode node, IEventLog events, IOptions<LightningOptions> options, TimeProvider time, ILogger<LedgerReconciler> logger)
    : PeriodicBackgroundService(time, logger)
{
    protected override IReadOnlyList<PeriodicJob> Jobs => [new("Ledger reconciliation", options.Value.ReconcileInterval, ct => ReconcileAsync(ct))];

    /// <summary>One pass over every pending entry; how many it resolved. A node that cannot be reached ends the pass
    /// (the next one tries again) and leaves every entry as it was.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var resolved = 0;
        foreach (var entry in await ledger.Store.PendingAsync(cancellationToken))
        {
            try
            {
                var after = entry.IsIncoming ? await ReconcileIncomingAsync(entry, cancellationToken) : await ReconcileOutgoingAsync(entry, cancellationToken);
                resolved += after is not null && after.Status != entry.Status ? 1 : 0;
            }
            catch (LightningNodeException ex) when (ex.Failure != LightningNodeFailure.Refused)
            {
                Logger.LogWarning("Reconciliation paused, the node is unavailable: {Reason}", ex.Message);
                break;
            }
        }
        return resolved;
    }

    private async Task<LedgerEntry?> ReconcileIncomingAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var invoice = await node.GetInvoiceAsync(entry.PaymentHash, cancellationToken);
        if (invoice is null)
        {
            await events.LogAsync(LedgerEvents.Drift(entry, "the node has no such invoice", "unknown", null), cancellationToken);
            return await ledger.FailAsync(entry, "The node has no record of this invoice.", cancellationToken);
        }
        switch (invoice.State)
        {
            case NodeInvoiceState.Settled:
                var paid = invoice.AmountPaidMsat ?? invoice.AmountMsat;
                if (paid != entry.AmountMsat && entry.AmountMsat > 0)
                {
                    await events.LogAsync(LedgerEvents.Drift(entry, "the amount paid differs from the invoice", "settled", paid / 1000), cancellationToken);
                }
                return await ledger.SettleIncomingAsync(entry, invoice.Preimage, confirmedByNode: true, invoice.SettledAt, cancellationToken);
            case NodeInvoiceState.Expired:
                return await ledger.ExpireAsync(entry, cancellationToken);
            case NodeInvoiceState.Cancelled:
                return await ledger.FailAsync(entry, "The node cancelled the invoice.", cancellationToken);
            default:
                return entry;
        }
    }

    private async Task<LedgerEntry?> ReconcileOutgoingAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (ledger.IsSending(entry.PaymentHash))
        {
            return entry;
        }
        var payment = await node.GetPaymentAsync(entry.PaymentHash, cancellationToken);
        if (payment is not null)
        {
            if (payment.State == NodePaymentState.Succeeded && payment.AmountMsat > 0 && payment.AmountMsat != entry.AmountMsat)
            {
                await events.LogAsync(LedgerEvents.Drift(entry, "the node paid a different amount", "succeeded", payment.AmountMsat / 1000), cancellationToken);
            }
            return await ledger.ApplyAsync(entry, payment, cancellationToken);
        }
        if (entry.Source == LedgerSources.Payout)
        {
            return await ledger.SendAsync(entry, cancellationToken);
        }
        return await ledger.WhileClaimedAsync(entry, async claimed =>
        {
            await events.LogAsync(LedgerEvents.Drift(claimed, "the node never received this payment", "unknown", null), cancellationToken);
            return await ledger.FailAsync(claimed, "Never sent: the server stopped before the node was asked to pay. Nothing left the wallet; pay again if it is still wanted.", cancellationToken);
        });
    }
}
