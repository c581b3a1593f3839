using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Tests.Memory.Embeddings;

/// <summary>Embeds with the hashing embedder and records each call's size. With <see cref="HoldFirstBatch"/>, the
/// first call waits for <see cref="Release"/> (or the worker's stop), so callers can queue up behind it; a batch
/// holding <see cref="Poison"/> fails.</summary>
public sealed class CountingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string Poison = "boom";

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public bool HoldFirstBatch { get; init; }

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public TaskCompletionSource FirstBatchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Disposed { get; private set; }

    public void Release() => _release.TrySetResult();

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        BatchSizes.Enqueue(texts.Count);
        if (Interlocked.Increment(ref _calls) == 1 && HoldFirstBatch)
        {
            FirstBatchStarted.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }
        if (texts.Contains(Poison))
        {
            throw new InvalidOperationException("the model choked");
        }
        return new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(HashingEmbeddingGenerator.Embed(t))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbedderInfo) ? new EmbedderInfo("counting/v1", 384, true, "test double") : null;

    public void Dispose() => Disposed = true;
}
