using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Timmy.Core.Events;

/// <summary>Deletes events older than <see cref="EventsOptions.RetentionDays"/>, once at start and then
/// every <see cref="EventsOptions.PruneInterval"/>.</summary>
public sealed class EventPruningService(
    IEventStore store,
    IEventLog eventLog,
    IOptions<EventsOptions> options,
    TimeProvider time,
    ILogger<EventPruningService> logger) : BackgroundService
{
    public async Task<long> PruneOnceAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var deleted = await store.PruneAsync(cutoff, cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Pruned {Count} events older than {Cutoff:O}", deleted, cutoff);
            await eventLog.LogAsync(EventType.SystemInfo, "events.pruning", data: new
            {
                message = $"Pruned {deleted} events older than {options.Value.RetentionDays} days",
                deleted,
                cutoff,
            }, cancellationToken: cancellationToken);
        }
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, time);
        do
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Event pruning failed; will retry at the next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
