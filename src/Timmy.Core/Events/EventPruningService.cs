using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Hosting;

namespace Timmy.Core.Events;

/// <summary>Deletes events older than <see cref="EventsOptions.RetentionDays"/>, once at start and then
/// every <see cref="EventsOptions.PruneInterval"/>.</summary>
public sealed class EventPruningService(
    IEventStore store,
    IEventLog eventLog,
    IOptions<EventsOptions> options,
    TimeProvider time,
    ILogger<EventPruningService> logger) : PeriodicBackgroundService(time, logger)
{
    public async Task<long> PruneOnceAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = Time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var deleted = await store.PruneAsync(cutoff, cancellationToken);
        if (deleted > 0)
        {
            Logger.LogInformation("Pruned {Count} events older than {Cutoff:O}", deleted, cutoff);
            await eventLog.LogAsync(EventType.SystemInfo, "events.pruning", data: new
            {
                message = $"Pruned {deleted} events older than {options.Value.RetentionDays} days",
                deleted,
                cutoff,
            }, cancellationToken: cancellationToken);
        }
        return deleted;
    }

    protected override IReadOnlyList<PeriodicJob> Jobs =>
        [new("Event pruning", options.Value.PruneInterval, PruneOnceAsync)];
}
