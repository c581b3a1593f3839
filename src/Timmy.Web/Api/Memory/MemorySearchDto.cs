using Timmy.Core.Memory;

namespace Timmy.Web.Api.Memory;

/// <summary>The answer of <c>GET /api/v1/memory/search</c>: the hits, best first; the embedder; whether the semantic
/// signal ran (and why not); the words the full-text signal looked for; and how long it took, in milliseconds.</summary>
public sealed record MemorySearchDto(
    IReadOnlyList<MemorySearchHitDto> Hits,
    EmbedderDto Embedder,
    bool SemanticRan,
    string? SemanticProblem,
    IReadOnlyList<string> Terms,
    double Ms)
{
    public static MemorySearchDto From(MemorySearchResult result) => new(
        [.. result.Hits.Select(MemorySearchHitDto.From)], EmbedderDto.From(result.Embedder), result.SemanticRan, result.SemanticProblem,
        result.Terms, Math.Round(result.Milliseconds, 2));
}
