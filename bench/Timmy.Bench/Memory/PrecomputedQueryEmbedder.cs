using Timmy.Core.Memory;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Bench.Memory;

/// <summary>Answers the bench's query texts with vectors made beforehand, under another embedder's identity, so a timed
/// search is the search itself (vector scan, FTS, fusion, reading the hits) and not the model.</summary>
public sealed class PrecomputedQueryEmbedder(EmbedderInfo info, IReadOnlyDictionary<string, float[]> vectors) : ITextEmbedder
{
    public EmbedderInfo Info => info;

    public string? Problem => null;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Task.FromResult(texts.Select(t => vectors[t]).ToArray());
}
