using Timmy.Core.Memory.Embeddings;

namespace Timmy.Core.Memory;

/// <summary>What the memory needs of an embedder: which one it is, and normalised vectors for texts.</summary>
public interface ITextEmbedder
{
    EmbedderInfo Info { get; }

    /// <summary>Why the configured embedder is not the one in use, or null.</summary>
    string? Problem { get; }

    /// <exception cref="EmbedderUnavailableException">The embedder cannot answer now.</exception>
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);

    /// <summary>One search query's vector. An embedder with a queue answers it ahead of the texts waiting to be stored,
    /// so a burst of stores never holds up a search.</summary>
    /// <exception cref="EmbedderUnavailableException">The embedder cannot answer now.</exception>
    async Task<float[]> EmbedQueryAsync(string text, CancellationToken cancellationToken = default) =>
        (await EmbedAsync([text], cancellationToken))[0];
}
