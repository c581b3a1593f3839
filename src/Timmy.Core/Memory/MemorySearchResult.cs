using Timmy.Core.Memory.Embeddings;

namespace Timmy.Core.Memory;

/// <summary>What a search found, and how: whether the semantic signal ran (and why not when it did not), with which
/// embedder, and the query's words the full-text signal looked for.</summary>
public sealed record MemorySearchResult(
    IReadOnlyList<MemorySearchHit> Hits,
    EmbedderInfo Embedder,
    bool SemanticRan,
    string? SemanticProblem,
    IReadOnlyList<string> Terms,
    double Milliseconds);
