using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Memory.Embeddings;
using Timmy.Core.Refusals;

namespace Timmy.Core.Memory;

/// <summary>
/// The semantic memory as every caller uses it (API, pages, Timmy's chat, the swarm's tools): store (embedding first,
/// through the bounded embedder; an entry the embedder cannot embed now is stored without a vector and embedded later
/// by <see cref="MemoryIndexService"/>, never lost), read, edit facts, delete, list, search, pack context, prune and
/// report. Reads answer only what the <see cref="MemoryViewer"/> may see; an entry another agent keeps private is
/// "not found" to it, as if it did not exist.
/// </summary>
public sealed class MemoryService(
    IMemoryStore store,
    MemorySearch search,
    MemoryContextBuilder context,
    ITextEmbedder embedder,
    MemoryVectorIndex index,
    MemoryIndexState indexState,
    IOptions<MemoryOptions> options,
    TimeProvider time,
    ILogger<MemoryService> logger)
{
    public const int MaxListLimit = 200;

    public MemoryOptions Options => options.Value;

    /// <exception cref="InvalidFieldException">A field is wrong; nothing is stored.</exception>
    public async Task<MemoryEntry> StoreAsync(NewMemory memory, CancellationToken cancellationToken = default) =>
        (await StoreAllAsync([memory], cancellationToken))[0];

    /// <summary>Stores several entries in one transaction, each with its memory.stored event.</summary>
    /// <exception cref="InvalidFieldException">A field of one is wrong; none is stored.</exception>
    public async Task<IReadOnlyList<MemoryEntry>> StoreAllAsync(IReadOnlyList<NewMemory> memories, CancellationToken cancellationToken = default)
    {
        var checkedMemories = memories.Select(m => MemoryInput.Checked(m, options.Value.MaxContentLength)).ToList();
        var writes = await EmbedAsync(checkedMemories, cancellationToken);
        return await store.AddAsync(writes, entries => entries.Select(MemoryEvents.Stored).ToList(), cancellationToken);
    }

    /// <summary>Embeds the memories' content; when the embedder cannot answer, the writes carry no vector.</summary>
    internal async Task<IReadOnlyList<MemoryWrite>> EmbedAsync(IReadOnlyList<NewMemory> memories, CancellationToken cancellationToken)
    {
        var vectors = await VectorsOrNullAsync(memories.Select(m => m.Content).ToList(), cancellationToken);
        var embedderId = embedder.Info.Id;
        return memories.Select((m, i) => new MemoryWrite(m, vectors?[i], vectors is null ? null : embedderId)).ToList();
    }

    /// <exception cref="MemoryEntryNotFoundException">No such entry the viewer may see.</exception>
    public async Task<MemoryEntry> GetAsync(string id, MemoryViewer viewer, CancellationToken cancellationToken = default)
    {
        var entry = await store.GetAsync(id, cancellationToken);
        return entry is not null && viewer.CanSee(entry.AgentId, entry.Shared) ? entry : throw new MemoryEntryNotFoundException(id);
    }

    /// <summary>Rewrites a fact (re-embedding it) or changes whether an entry is shared. An agent edits only its own.</summary>
    /// <exception cref="MemoryEntryNotFoundException">No such entry the viewer may edit.</exception>
    /// <exception cref="MemoryEditRefusedException">New content for an entry that is not a fact.</exception>
    /// <exception cref="InvalidFieldException">The new content is empty or too long.</exception>
    public async Task<MemoryEntry> UpdateAsync(string id, MemoryEdit edit, MemoryViewer viewer, CancellationToken cancellationToken = default)
    {
        var entry = await EditableAsync(id, viewer, cancellationToken);
        if (edit.Content is not null)
        {
            edit = edit with { Content = MemoryInput.Content(edit.Content, options.Value.MaxContentLength) };
            if (entry.ContextType != MemoryContextTypes.Fact && edit.Content != entry.Content)
            {
                throw new MemoryEditRefusedException(id, entry.ContextType);
            }
        }
        (float[], string)? vector = null;
        if (edit.Content is not null && edit.Content != entry.Content && await VectorsOrNullAsync([edit.Content], cancellationToken) is { } vectors)
        {
            vector = (vectors[0], embedder.Info.Id);
        }
        return await store.UpdateAsync(id, edit, vector, MemoryEvents.Updated, cancellationToken) ?? throw new MemoryEntryNotFoundException(id);
    }

    /// <exception cref="MemoryEntryNotFoundException">No such entry the viewer may delete.</exception>
    public async Task<MemoryEntry> DeleteAsync(string id, MemoryViewer viewer, CancellationToken cancellationToken = default)
    {
        await EditableAsync(id, viewer, cancellationToken);
        return await store.DeleteAsync(id, MemoryEvents.Deleted, cancellationToken) ?? throw new MemoryEntryNotFoundException(id);
    }

    /// <exception cref="InvalidFieldException">The limit is out of range.</exception>
    public Task<MemoryPage> ListAsync(MemoryFilter filter, MemoryViewer viewer, string? before, int limit, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxListLimit)
        {
            throw new InvalidFieldException("limit", $"'limit' must be between 1 and {MaxListLimit} (was {limit}).");
        }
        return store.ListAsync(filter, viewer, string.IsNullOrWhiteSpace(before) ? null : before, limit, cancellationToken);
    }

    /// <exception cref="InvalidFieldException">The query or its limits are out of range.</exception>
    public Task<MemorySearchResult> SearchAsync(MemorySearchQuery query, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            throw new InvalidFieldException("q", "'q' (what to search for) must not be empty.");
        }
        if (query.Text.Length > MemorySearchQuery.MaxTextLength)
        {
            throw new InvalidFieldException("q", $"'q' must be at most {MemorySearchQuery.MaxTextLength} characters (was {query.Text.Length}).");
        }
        if (query.Limit is < 1 or > MemorySearchQuery.MaxLimit)
        {
            throw new InvalidFieldException("limit", $"'limit' must be between 1 and {MemorySearchQuery.MaxLimit} (was {query.Limit}).");
        }
        if (query.MinScore is < 0 or > 1 || double.IsNaN(query.MinScore))
        {
            throw new InvalidFieldException("min_score", $"'min_score' must be between 0 and 1 (was {query.MinScore}).");
        }
        return search.SearchAsync(query with { Text = query.Text.Trim() }, cancellationToken);
    }

    /// <summary>get_memory_context: the most relevant entries the viewer may see, packed into <paramref name="maxTokens"/>.</summary>
    /// <exception cref="InvalidFieldException">The query is empty or too long, or the budget out of range.</exception>
    public Task<MemoryContext> ContextAsync(
        string query, int maxTokens, MemoryViewer viewer, MemoryFilter? filter = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > MemorySearchQuery.MaxTextLength)
        {
            throw new InvalidFieldException("q", $"'q' must be 1 to {MemorySearchQuery.MaxTextLength} characters.");
        }
        if (maxTokens is < 1 or > 100_000)
        {
            throw new InvalidFieldException("max_tokens", $"'max_tokens' must be between 1 and 100000 (was {maxTokens}).");
        }
        return context.BuildAsync(query.Trim(), maxTokens, viewer, filter, cancellationToken);
    }

    public async Task<MemoryStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var stats = await store.StatsAsync(embedder.Info.Id, cancellationToken);
        return new MemoryStatus(
            stats, embedder.Info, embedder.Problem, index.Count, index.VectorBytes, indexState.Loaded,
            indexState.Reindexing, indexState.ReindexDone, indexState.ReindexTotal, indexState.ReindexProblem);
    }

    /// <summary>Deletes entries older than <paramref name="olderThanDays"/> days (facts only when asked), with memory.pruned.</summary>
    /// <exception cref="InvalidFieldException">The age is out of range.</exception>
    public Task<int> PruneAsync(int olderThanDays, bool includeFacts, CancellationToken cancellationToken = default)
    {
        if (olderThanDays is < 0 or > 36_500)
        {
            throw new InvalidFieldException("older_than_days", $"'older_than_days' must be between 0 and 36500 (was {olderThanDays}).");
        }
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(olderThanDays);
        return store.PruneAsync(cutoff, includeFacts, deleted => MemoryEvents.Pruned(deleted, cutoff, includeFacts), cancellationToken);
    }

    private async Task<MemoryEntry> EditableAsync(string id, MemoryViewer viewer, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(id, cancellationToken);
        return entry is not null && (viewer.IsOwner || entry.AgentId == viewer.AgentId) ? entry : throw new MemoryEntryNotFoundException(id);
    }

    private async Task<float[][]?> VectorsOrNullAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        try
        {
            return await embedder.EmbedAsync(texts, cancellationToken);
        }
        catch (EmbedderUnavailableException ex)
        {
            logger.LogWarning("Storing {Count} memory entries without a vector for now: {Problem}", texts.Count, ex.Message);
            return null;
        }
    }
}
