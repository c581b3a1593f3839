namespace Timmy.Core.Memory;

/// <summary>One stored memory. <see cref="AgentId"/> null means it belongs to the owner; an agent's entry is private to
/// that agent unless <see cref="Shared"/>. <see cref="Metadata"/> is a JSON object (document name and chunk position,
/// a fact's key, a conversation turn's role). <see cref="Embedder"/> is the id of the embedder whose vector the entry
/// has, null while it has none (the embedder was unavailable when it was stored; the re-embed fills it in).</summary>
public sealed record MemoryEntry(
    string Id,
    string Content,
    string Source,
    string ContextType,
    string? AgentId,
    string? TaskId,
    string? SessionId,
    string Metadata,
    bool Shared,
    DateTimeOffset Timestamp,
    DateTimeOffset? UpdatedAt,
    string? Embedder);
