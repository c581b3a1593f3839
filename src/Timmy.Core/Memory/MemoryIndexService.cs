using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Hosting;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Core.Memory;

/// <summary>
/// Keeps the vector index whole. At start it loads every stored vector of the embedder in use; then, at start and every
/// <see cref="MemoryOptions.ReindexInterval"/>, it embeds the entries that have no such vector (stored while the embedder
/// was unreachable, or made by another embedder before a switch), in batches, showing its progress in
/// <see cref="MemoryIndexState"/> and ending with memory.reindexed. Full-text search works throughout.
/// </summary>
public sealed class MemoryIndexService(
    IMemoryStore store,
    MemoryVectorIndex index,
    MemoryIndexState state,
    ITextEmbedder embedder,
    IEventLog events,
    IOptions<MemoryOptions> options,
    TimeProvider time,
    ILogger<MemoryIndexService> logger) : PeriodicBackgroundService(time, logger)
{
    private readonly SemaphoreSlim _oneRun = new(1, 1);
    private int _requested;

    /// <summary>Empties the index for the embedder in use and fills it from the database.</summary>
    public async Task<int> LoadAsync(CancellationToken cancellationToken = default)
    {
        index.Reset(embedder.Info.Id, embedder.Info.Dimensions);
        var loaded = await store.LoadIndexAsync(embedder.Info.Id, cancellationToken);
        state.MarkLoaded();
        Logger.LogInformation("Memory index loaded {Count} vectors of {Embedder}", loaded, embedder.Info.Id);
        return loaded;
    }

    /// <summary>Starts <see cref="ReindexOnceAsync"/> in the background (stopped by <paramref name="stopping"/>) unless a
    /// re-embed is running or about to; false when one is.</summary>
    public bool TryStartReindex(CancellationToken stopping)
    {
        if (state.Reindexing || Interlocked.CompareExchange(ref _requested, 1, 0) != 0)
        {
            return false;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await ReindexOnceAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "The re-embed asked for failed");
            }
            finally
            {
                Interlocked.Exchange(ref _requested, 0);
            }
        }, CancellationToken.None);
        return true;
    }

    /// <summary>Embeds every entry that lacks a vector of the embedder in use; returns how many it embedded. One run at a
    /// time: a second caller waits for the first to end.</summary>
    public async Task<int> ReindexOnceAsync(CancellationToken cancellationToken = default)
    {
        await _oneRun.WaitAsync(cancellationToken);
        try
        {
            return await ReindexAsync(cancellationToken);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    private async Task<int> ReindexAsync(CancellationToken cancellationToken)
    {
        var embedderId = embedder.Info.Id;
        var total = (await store.StatsAsync(embedderId, cancellationToken)).AwaitingEmbedding;
        if (total == 0)
        {
            return 0;
        }
        var started = Time.GetTimestamp();
        state.StartReindex(total);
        var embedded = 0;
        string? problem = null;
        try
        {
            while (true)
            {
                var batch = await store.AwaitingEmbeddingAsync(embedderId, options.Value.ReindexBatch, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }
                var vectors = await embedder.EmbedAsync(batch.Select(b => b.Content).ToList(), cancellationToken);
                var stored = await store.SetVectorsAsync(embedderId, batch.Zip(vectors).ToList(), cancellationToken);
                embedded += stored;
                state.Progress(stored);
                if (stored == 0)
                {
                    break; // every entry of the batch changed meanwhile; the next run reads them again
                }
            }
        }
        catch (EmbedderUnavailableException ex)
        {
            problem = ex.Message;
            Logger.LogWarning("Re-embed paused after {Count} entries: {Problem}", embedded, ex.Message);
        }
        finally
        {
            state.EndReindex(problem);
        }
        if (embedded > 0)
        {
            var remaining = (await store.StatsAsync(embedderId, CancellationToken.None)).AwaitingEmbedding;
            await events.LogAsync(MemoryEvents.Reindexed(embedderId, embedded, (int)remaining, Time.GetElapsedTime(started).TotalSeconds), CancellationToken.None);
        }
        return embedded;
    }

    protected override IReadOnlyList<PeriodicJob> Jobs => [new("Memory re-embed", options.Value.ReindexInterval, RunAsync)];

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield(); // loading the embedder's model must not hold up the host's start
        if (!state.Loaded)
        {
            await LoadAsync(cancellationToken);
        }
        await ReindexOnceAsync(cancellationToken);
    }
}
