namespace Timmy.Core.Memory;

/// <summary>An entry as the in-memory vector index holds it: its vector (normalised) and what filters read.</summary>
public sealed record IndexedVector(
    string Id,
    float[] Vector,
    string ContextType,
    string Source,
    string? AgentId,
    string? SessionId,
    string? TaskId,
    bool Shared,
    DateTimeOffset Timestamp)
{
    public static IndexedVector From(MemoryEntry entry, float[] vector) =>
        new(entry.Id, vector, entry.ContextType, entry.Source, entry.AgentId, entry.SessionId, entry.TaskId, entry.Shared, entry.Timestamp);
}
