using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Timmy.Core.Lightning.Ledger;

namespace Timmy.Core.Lightning.Payouts;

/// <summary>Sends the payouts that task completions recorded, one after another, off the completing caller's path.
/// A payout still queued when the server stops stays pending in the ledger, and the reconciler sends it.</summary>
public sealed class PayoutSender(LedgerService ledger, ILogger<PayoutSender> logger) : BackgroundService
{
    private readonly Channel<LedgerEntry> _queue = Channel.CreateUnbounded<LedgerEntry>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a committed payout; quick and never throws (it runs after a commit).</summary>
    public void Enqueue(LedgerEntry entry) => _queue.Writer.TryWrite(entry);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var entry in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var sent = await ledger.SendAsync(entry, stoppingToken);
                    logger.LogInformation("Payout {EntryId} for task {TaskId}: {Status}", sent.Id, sent.TaskId, sent.Status);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Payout {EntryId} left pending for the reconciler", entry.Id);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
