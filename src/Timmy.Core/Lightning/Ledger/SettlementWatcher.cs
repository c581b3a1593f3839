using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Timmy.Core.Lightning.Nodes;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>Settles incoming entries the moment the node reports them paid, from the node's settlement stream. A dropped
/// stream is reopened after a pause; whatever it missed meanwhile the <see cref="LedgerReconciler"/> catches.</summary>
public sealed class SettlementWatcher(LedgerService ledger, ILightningNode node, TimeProvider time, ILogger<SettlementWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var invoice in node.WatchSettlementsAsync(stoppingToken))
                {
                    await SettleAsync(invoice, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("The node's settlement stream ended ({Reason}); reopening in {Delay}", ex.Message, RetryAfter);
            }
            try
            {
                await Task.Delay(RetryAfter, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SettleAsync(NodeInvoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.State != NodeInvoiceState.Settled)
        {
            return;
        }
        var entry = await ledger.Store.GetByHashAsync(invoice.PaymentHash, cancellationToken);
        if (entry is { IsIncoming: true, Status: LedgerStatus.Pending })
        {
            await ledger.SettleIncomingAsync(entry, invoice.Preimage, confirmedByNode: true, invoice.SettledAt, cancellationToken);
        }
    }
}
