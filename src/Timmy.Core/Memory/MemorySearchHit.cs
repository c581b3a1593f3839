namespace Timmy.Core.Memory;

/// <summary>
/// One search result. <see cref="Score"/> is the weighted reciprocal-rank fusion of the signals that ran (see <see cref="MemorySearch"/>), scaled to 0..1 (1: first
/// in every signal). <see cref="Similarity"/> is the cosine similarity when the entry matched by meaning; <see cref="Bm25"/>
/// the full-text score when it matched by words (higher is better); <see cref="MatchedTerms"/> are the entry's words
/// that matched the query's, for highlighting.
/// </summary>
public sealed record MemorySearchHit(
    MemoryEntry Entry,
    double Score,
    double? Similarity,
    double? Bm25,
    IReadOnlyList<string> Signals,
    IReadOnlyList<string> MatchedTerms);
