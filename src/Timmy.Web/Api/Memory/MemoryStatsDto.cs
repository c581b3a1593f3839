using Timmy.Core.Memory;

namespace Timmy.Web.Api.Memory;

/// <summary>The answer of <c>GET /api/v1/memory/stats</c>: entries in all, per type (every type listed, 0 when none) and
/// per agent; how many are shared, have a vector of the embedder in use, or wait for one; the documents; the time span;
/// the embedder in use and why it is not the configured one (null when it is); the vector index; the re-embed.</summary>
public sealed record MemoryStatsDto(
    long Total,
    IReadOnlyDictionary<string, long> ByType,
    IReadOnlyList<AgentMemoryCountDto> ByAgent,
    long Shared,
    long Embedded,
    long AwaitingEmbedding,
    long Documents,
    DateTimeOffset? Oldest,
    DateTimeOffset? Newest,
    EmbedderDto Embedder,
    string? EmbedderProblem,
    MemoryIndexDto Index,
    ReindexDto Reindex)
{
    public static MemoryStatsDto From(MemoryStatus status)
    {
        var stats = status.Stats;
        return new MemoryStatsDto(
            stats.Total,
            MemoryContextTypes.All.ToDictionary(t => t, t => stats.ByType.GetValueOrDefault(t)),
            [.. stats.ByAgent.Select(a => new AgentMemoryCountDto(a.AgentId ?? MemoryFilter.OwnerAgentId, a.Count))],
            stats.Shared, stats.Embedded, stats.AwaitingEmbedding, stats.Documents, stats.Oldest, stats.Newest,
            EmbedderDto.From(status.Embedder), status.EmbedderProblem,
            new MemoryIndexDto(status.IndexedVectors, status.IndexBytes, status.IndexLoaded),
            ReindexDto.From(status));
    }
}
