using Timmy.Core.Memory;

namespace Timmy.Web.Api.Memory;

/// <summary>One search result: the entry, its fused <see cref="Score"/> (0..1), the cosine <see cref="Similarity"/> when
/// it matched by meaning, the full-text <see cref="Bm25"/> when it matched by words, which signals found it, and the
/// entry's words that matched the query's.</summary>
public sealed record MemorySearchHitDto(
    MemoryEntryDto Entry,
    double Score,
    double? Similarity,
    double? Bm25,
    IReadOnlyList<string> Signals,
    IReadOnlyList<string> MatchedTerms)
{
    public static MemorySearchHitDto From(MemorySearchHit hit) =>
        new(MemoryEntryDto.From(hit.Entry), hit.Score, hit.Similarity, hit.Bm25, hit.Signals, hit.MatchedTerms);
}
