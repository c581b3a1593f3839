using Timmy.Core.Events;

namespace Timmy.Core.Memory;

/// <summary>Memory entries and their full-text index (migration M0007). Every change commits with its event and, right
/// after the commit, is applied to the <see cref="MemoryVectorIndex"/>, so the index always matches what is stored.</summary>
public interface IMemoryStore
{
    /// <summary>Stores entries in one transaction, with the events <paramref name="logged"/> drafts for them.</summary>
    Task<IReadOnlyList<MemoryEntry>> AddAsync(
        IReadOnlyList<MemoryWrite> writes, Func<IReadOnlyList<MemoryEntry>, IReadOnlyList<EventDraft>> logged, CancellationToken cancellationToken = default);

    Task<MemoryEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The entries of these ids that exist, in no particular order.</summary>
    Task<IReadOnlyList<MemoryEntry>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Applies an edit. New content takes <paramref name="vector"/> (null when no embedder could answer: the
    /// entry then waits for the re-embed). Null when there is no such entry.</summary>
    Task<MemoryEntry?> UpdateAsync(
        string id, MemoryEdit edit, (float[] Vector, string Embedder)? vector, Func<MemoryEntry, MemoryEntry, EventDraft> logged,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes an entry; null when there was none.</summary>
    Task<MemoryEntry?> DeleteAsync(string id, Func<MemoryEntry, EventDraft> logged, CancellationToken cancellationToken = default);

    /// <summary>Deletes every chunk of a document; empty when there was none.</summary>
    Task<IReadOnlyList<MemoryEntry>> DeleteDocumentAsync(
        string documentId, Func<IReadOnlyList<MemoryEntry>, EventDraft> logged, CancellationToken cancellationToken = default);

    /// <summary>Entries the viewer may see that pass the filter, newest first, older than the cursor <paramref name="before"/>.</summary>
    Task<MemoryPage> ListAsync(MemoryFilter filter, MemoryViewer viewer, string? before, int limit, CancellationToken cancellationToken = default);

    /// <summary>Full-text matches (an <see cref="FtsQuery.Match"/> expression) the viewer may see, best BM25 first.</summary>
    Task<IReadOnlyList<LexicalMatch>> LexicalAsync(
        string match, MemoryFilter filter, MemoryViewer viewer, int limit, CancellationToken cancellationToken = default);

    /// <summary>Counts; <paramref name="embedderId"/> is the embedder in use, for how many have its vector.</summary>
    Task<MemoryStats> StatsAsync(string? embedderId, CancellationToken cancellationToken = default);

    /// <summary>Deletes entries older than <paramref name="cutoff"/> (facts only when <paramref name="includeFacts"/>),
    /// with the event <paramref name="logged"/> drafts from how many went, when any did.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, bool includeFacts, Func<int, EventDraft> logged, CancellationToken cancellationToken = default);

    /// <summary>Reads every stored vector of <paramref name="embedderId"/> into the index, in batches.</summary>
    Task<int> LoadIndexAsync(string embedderId, CancellationToken cancellationToken = default);

    /// <summary>Entries without a vector of <paramref name="embedderId"/>, oldest first.</summary>
    Task<IReadOnlyList<PendingEmbedding>> AwaitingEmbeddingAsync(string embedderId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Stores vectors for entries whose content is still what was embedded; returns how many were stored.</summary>
    Task<int> SetVectorsAsync(
        string embedderId, IReadOnlyList<(PendingEmbedding Entry, float[] Vector)> vectors, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MemoryDocument>> DocumentsAsync(MemoryViewer viewer, CancellationToken cancellationToken = default);

    /// <summary>The owner's fact stored under a key ("name"), which a newer statement of it replaces.</summary>
    Task<MemoryEntry?> FactByKeyAsync(string key, CancellationToken cancellationToken = default);
}
