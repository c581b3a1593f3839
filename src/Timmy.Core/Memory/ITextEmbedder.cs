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
}
