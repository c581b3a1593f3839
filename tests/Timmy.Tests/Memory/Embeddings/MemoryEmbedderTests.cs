using Timmy.Core.Memory.Embeddings;

namespace Timmy.Tests.Memory.Embeddings;

/// <summary>The memory's one embedding worker: concurrent callers are coalesced into batches of at most MaxBatch
/// texts, each gets its own slice in order, a failing batch fails only its callers, and the queue is bounded.</summary>
public sealed class MemoryEmbedderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MemoryEmbedder Embedder(CountingEmbeddingGenerator generator, int maxBatch = 8, int queueCapacity = 1024) =>
        new(generator, new EmbedderOptions { MaxBatch = maxBatch, QueueCapacity = queueCapacity });

    private static async Task<Task<float[][]>> HoldTheWorkerAsync(MemoryEmbedder embedder, CountingEmbeddingGenerator generator)
    {
        var first = embedder.EmbedAsync(["first"], Ct);
        await generator.FirstBatchStarted.Task.WaitAsync(Ct);
        return first;
    }

    [Fact]
    public async Task ConcurrentCallers_AreCoalescedIntoBatches_EachGettingItsOwnVectors()
    {
        var generator = new CountingEmbeddingGenerator { HoldFirstBatch = true };
        await using var embedder = Embedder(generator, maxBatch: 8);
        var first = await HoldTheWorkerAsync(embedder, generator);

        var callers = Enumerable.Range(0, 10).Select(i => new[] { $"text {i}a", $"text {i}b" }).ToList();
        var answers = callers.Select(texts => embedder.EmbedAsync(texts, Ct)).ToList();
        generator.Release();
        await first;

        for (var i = 0; i < callers.Count; i++)
        {
            Assert.Equal(callers[i].Select(HashingEmbeddingGenerator.Embed), await answers[i]);
        }
        Assert.Equal([1, 8, 8, 4], generator.BatchSizes);
    }

    [Fact]
    public async Task FailingBatch_FailsOnlyItsCallers()
    {
        var generator = new CountingEmbeddingGenerator { HoldFirstBatch = true };
        await using var embedder = Embedder(generator, maxBatch: 2);
        var first = await HoldTheWorkerAsync(embedder, generator);

        var poisoned = embedder.EmbedAsync([CountingEmbeddingGenerator.Poison], Ct);
        var sameBatch = embedder.EmbedAsync(["innocent"], Ct);
        var nextBatch = embedder.EmbedAsync(["later one", "later two"], Ct);
        generator.Release();

        await first;
        var failure = await Assert.ThrowsAsync<EmbedderUnavailableException>(() => poisoned);
        Assert.Equal("The embedder counting/v1 failed: the model choked", failure.Message);
        await Assert.ThrowsAsync<EmbedderUnavailableException>(() => sameBatch);
        Assert.Equal(2, (await nextBatch).Length);
        Assert.Single(await embedder.EmbedAsync(["after the failure"], Ct));
    }

    [Fact]
    public async Task RequestLargerThanMaxBatch_IsSplit_AndAnsweredInOrder()
    {
        var generator = new CountingEmbeddingGenerator();
        await using var embedder = Embedder(generator, maxBatch: 8);
        var texts = Enumerable.Range(0, 20).Select(i => $"note {i}").ToArray();

        var vectors = await embedder.EmbedAsync(texts, Ct);

        Assert.Equal(texts.Select(HashingEmbeddingGenerator.Embed), vectors);
        Assert.Equal([8, 8, 4], generator.BatchSizes);
    }

    [Fact]
    public async Task EmptyInput_GivesEmptyResult_WithoutAModelCall()
    {
        var generator = new CountingEmbeddingGenerator();
        await using var embedder = Embedder(generator);

        Assert.Empty(await embedder.EmbedAsync([], Ct));
        Assert.Empty(generator.BatchSizes);
    }

    [Fact]
    public async Task CallerCancelledWhileQueued_IsCancelled_AndSkipped()
    {
        var generator = new CountingEmbeddingGenerator { HoldFirstBatch = true };
        await using var embedder = Embedder(generator);
        var first = await HoldTheWorkerAsync(embedder, generator);
        using var cancel = new CancellationTokenSource();

        var cancelled = embedder.EmbedAsync(["never mind"], cancel.Token);
        var kept = embedder.EmbedAsync(["keep me"], Ct);
        await cancel.CancelAsync();
        generator.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Single(await kept);
        await first;
        Assert.Equal([1, 1], generator.BatchSizes);
    }

    [Fact]
    public async Task FullQueue_MakesTheCallerWait_HonouringCancellation()
    {
        var generator = new CountingEmbeddingGenerator { HoldFirstBatch = true };
        await using var embedder = Embedder(generator, queueCapacity: 1);
        var first = await HoldTheWorkerAsync(embedder, generator);
        var queued = embedder.EmbedAsync(["fills the queue"], Ct);
        using var cancel = new CancellationTokenSource();

        var waiting = embedder.EmbedAsync(["no room"], cancel.Token);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        generator.Release();
        Assert.Single(await queued);
        await first;
    }

    [Fact]
    public async Task Dispose_StopsTheWorker_FailsWhatWaits_AndDisposesTheGenerator()
    {
        var generator = new CountingEmbeddingGenerator { HoldFirstBatch = true };
        var embedder = Embedder(generator);
        var first = await HoldTheWorkerAsync(embedder, generator);
        var queued = embedder.EmbedAsync(["waiting"], Ct);

        await embedder.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => first);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => embedder.EmbedAsync(["too late"], Ct));
        Assert.True(generator.Disposed);
    }

    [Fact]
    public async Task AQuery_IsEmbeddedAheadOfABurstOfStores()
    {
        var generator = new CountingEmbeddingGenerator { HoldFirstBatch = true };
        await using var embedder = Embedder(generator, maxBatch: 8);
        var first = await HoldTheWorkerAsync(embedder, generator);
        var stores = Enumerable.Range(0, 5).Select(i => embedder.EmbedAsync(Enumerable.Range(0, 8).Select(j => $"note {i}.{j}").ToArray(), Ct)).ToList();

        var query = embedder.EmbedQueryAsync("what did I note?", Ct);
        generator.Release();

        Assert.Equal(HashingEmbeddingGenerator.Embed("what did I note?"), await query);
        await Task.WhenAll(stores);
        await first;
        Assert.Equal([1, 1, 8, 8, 8, 8, 8], generator.BatchSizes);
    }

    [Fact]
    public async Task AQueryAfterDispose_IsRefused()
    {
        var embedder = Embedder(new CountingEmbeddingGenerator());
        await embedder.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => embedder.EmbedQueryAsync("too late", Ct));
    }
}
