using Timmy.Core.Events;

namespace Timmy.Core.Memory;

/// <summary>The memory.* events. They say what happened to which entry, never what a private entry says: only a shared
/// entry's event carries the start of its content.</summary>
public static class MemoryEvents
{
    public const string Source = "memory";
    public const int PreviewLength = 120;

    public static EventDraft Stored(MemoryEntry entry) => new(EventType.MemoryStored, Source, Describe(entry), entry.TaskId, entry.AgentId);

    /// <summary>One event for a whole document's chunks.</summary>
    public static EventDraft DocumentStored(string documentId, string name, IReadOnlyList<MemoryEntry> chunks) =>
        new(EventType.MemoryStored, Source, new
        {
            context_type = MemoryContextTypes.Document,
            document_id = documentId,
            document = name,
            chunks = chunks.Count,
            chars = chunks.Sum(c => c.Content.Length),
            shared = chunks.Count > 0 && chunks[0].Shared,
            embedded = chunks.Count(c => c.Embedder is not null),
        }, null, chunks.Count > 0 ? chunks[0].AgentId : null);

    public static EventDraft Updated(MemoryEntry before, MemoryEntry after) =>
        new(EventType.MemoryUpdated, Source, new
        {
            entry = Describe(after),
            content_changed = before.Content != after.Content,
            shared_changed = before.Shared != after.Shared,
        }, after.TaskId, after.AgentId);

    public static EventDraft Deleted(MemoryEntry entry) => new(EventType.MemoryDeleted, Source, Describe(entry) with { Preview = null }, entry.TaskId, entry.AgentId);

    public static EventDraft DocumentDeleted(string documentId, IReadOnlyList<MemoryEntry> chunks) =>
        new(EventType.MemoryDeleted, Source, new { context_type = MemoryContextTypes.Document, document_id = documentId, chunks = chunks.Count });

    public static EventDraft Pruned(int deleted, DateTimeOffset cutoff, bool includeFacts) =>
        new(EventType.MemoryPruned, Source, new { deleted, cutoff, facts_included = includeFacts });

    public static EventDraft Reindexed(string embedderId, int embedded, int remaining, double seconds) =>
        new(EventType.MemoryReindexed, Source, new { embedder = embedderId, embedded, remaining, seconds = Math.Round(seconds, 1) });

    private static EntryFacts Describe(MemoryEntry entry) => new(
        entry.Id, entry.ContextType, entry.Source, entry.Shared, entry.Content.Length, entry.SessionId, entry.Embedder is not null,
        entry.Shared ? Preview(entry.Content) : null);

    private static string Preview(string content) =>
        content.Length <= PreviewLength ? content : content[..PreviewLength] + "…";

    /// <summary>An entry as its events describe it (serialised snake_case by the event log).</summary>
    private sealed record EntryFacts(string Id, string ContextType, string Source, bool Shared, int Chars, string? SessionId, bool Embedded, string? Preview);
}
