using Timmy.Core.Memory.Embeddings;

namespace Timmy.Core.Memory;

/// <summary>The memory at a glance: what it holds, the embedder in use (and why it is not the configured one, if so),
/// the vector index's size, and the re-embed's progress.</summary>
public sealed record MemoryStatus(
    MemoryStats Stats,
    EmbedderInfo Embedder,
    string? EmbedderProblem,
    int IndexedVectors,
    long IndexBytes,
    bool IndexLoaded,
    bool Reindexing,
    long ReindexDone,
    long ReindexTotal,
    string? ReindexProblem);
