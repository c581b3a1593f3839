namespace Timmy.Core.Memory;

/// <summary>What the memory holds: entries per type and per owner (null agent is the owner), how many are shared,
/// how many have a vector of the embedder in use and how many wait for one, and the time span.</summary>
public sealed record MemoryStats(
    long Total,
    IReadOnlyDictionary<string, long> ByType,
    IReadOnlyList<AgentMemoryCount> ByAgent,
    long Shared,
    long Embedded,
    long AwaitingEmbedding,
    long Documents,
    DateTimeOffset? Oldest,
    DateTimeOffset? Newest);
