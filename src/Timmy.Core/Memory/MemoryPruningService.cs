using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Hosting;

namespace Timmy.Core.Memory;

/// <summary>Deletes conversation and document entries older than <see cref="MemoryOptions.RetentionDays"/> (facts are
/// kept), once at start and then every <see cref="MemoryOptions.PruneInterval"/>, as the event log's retention does.
/// A retention of 0 keeps everything.</summary>
public sealed class MemoryPruningService(
    MemoryService memory,
    IOptions<MemoryOptions> options,
    TimeProvider time,
    ILogger<MemoryPruningService> logger) : PeriodicBackgroundService(time, logger)
{
    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.RetentionDays == 0)
        {
            return 0;
        }
        var deleted = await memory.PruneAsync(options.Value.RetentionDays, includeFacts: false, cancellationToken);
        if (deleted > 0)
        {
            Logger.LogInformation("Pruned {Count} memory entries older than {Days} days", deleted, options.Value.RetentionDays);
        }
        return deleted;
    }

    protected override IReadOnlyList<PeriodicJob> Jobs => [new("Memory pruning", options.Value.PruneInterval, PruneOnceAsync)];
}
