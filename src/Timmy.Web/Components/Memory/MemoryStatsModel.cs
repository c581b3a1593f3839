using Timmy.Core.Memory;

namespace Timmy.Web.Components.Memory;

/// <summary>The memory's figures as the stats card shows them.</summary>
public sealed record MemoryStatsModel(MemoryStatus Status)
{
    public MemoryStats Stats => Status.Stats;

    public long Count(string type) => Stats.ByType.TryGetValue(type, out var count) ? count : 0;

    /// <summary>The re-embed's progress, 0..100, when one is running with a known total.</summary>
    public int? ReindexPercent => Status.Reindexing && Status.ReindexTotal > 0
        ? (int)Math.Clamp(Status.ReindexDone * 100 / Status.ReindexTotal, 0, 100)
        : null;
}
