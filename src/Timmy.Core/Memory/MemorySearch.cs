using System.Diagnostics;
using Microsoft.Extensions.Options;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Core.Memory;

/// <summary>
/// Hybrid search. Two signals over the entries the viewer may see that pass the filters: meaning (the query's vector
/// against every vector of the embedder in use, exact, in <see cref="MemoryVectorIndex"/>) and words (FTS5's BM25 over
/// the escaped query, <see cref="FtsQuery"/>). Their rankings are fused by weighted reciprocal rank: an entry scores
/// <c>1/rank</c> in the semantic list plus <see cref="LexicalWeight"/><c>/rank</c> in the lexical one, which needs no
/// calibration between cosine and BM25 scales. The usual constant (<c>1/(60 + rank)</c>, equal weights) would let any
/// entry that shares a word and is second by meaning beat the entry that is first by meaning ("the fever of the crowd"
/// above "flu symptoms" for "I have a fever"); here words lift an entry among its semantic neighbours, and a pure
/// keyword match still lands near the top. With a lexical-only embedder both signals count the same. When the embedder
/// is unavailable or the index is still being rebuilt for a new embedder, the words alone answer, and the result says why.
/// </summary>
public sealed class MemorySearch(
    IMemoryStore store, MemoryVectorIndex index, MemoryIndexState state, ITextEmbedder embedder, IOptions<MemoryOptions> options)
{
    /// <summary>What first place in the lexical list is worth beside first place in the semantic one (1).</summary>
    public const double LexicalWeight = 0.4;
    public const string Semantic = "semantic";
    public const string Lexical = "lexical";

    public async Task<MemorySearchResult> SearchAsync(MemorySearchQuery query, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = Math.Clamp(query.Limit, 1, MemorySearchQuery.MaxLimit);
        var candidates = Math.Max(limit * 3, 50);
        var fts = FtsQuery.From(query.Text);

        // The words are read from SQLite while the vectors are compared in memory: the two take different cores.
        var lexicalRead = fts.Match is null
            ? Task.FromResult<IReadOnlyList<LexicalMatch>>([])
            : Task.Run(() => store.LexicalAsync(fts.Match, query.Filter, query.Viewer, candidates, cancellationToken), cancellationToken);
        var (semantic, problem) = await SemanticAsync(query, candidates, cancellationToken);
        var lexical = await lexicalRead;

        var lexicalWeight = semantic is null || embedder.Info.LexicalOnly ? 1.0 : LexicalWeight;
        var best = (semantic is null ? 0 : 1) + (fts.Match is null ? 0 : lexicalWeight);
        var fused = Fuse(semantic ?? [], lexical, lexicalWeight, best)
            .Where(f => f.Score >= query.MinScore)
            .Take(limit)
            .ToList();
        var entries = (await store.GetManyAsync(fused.Select(f => f.Id).ToList(), cancellationToken)).ToDictionary(e => e.Id);
        var hits = fused.Where(f => entries.ContainsKey(f.Id)).Select(f =>
        {
            var entry = entries[f.Id];
            var signals = new List<string>(2);
            if (f.Similarity is not null) signals.Add(Semantic);
            if (f.Bm25 is not null) signals.Add(Lexical);
            return new MemorySearchHit(entry, Math.Round(f.Score, 4), f.Similarity, f.Bm25, signals,
                f.Bm25 is null ? [] : MatchedTerms.In(entry.Content, fts.Terms));
        }).ToList();
        return new MemorySearchResult(hits, embedder.Info, semantic is not null, problem, fts.Terms, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<(IReadOnlyList<VectorMatch>? Matches, string? Problem)> SemanticAsync(
        MemorySearchQuery query, int candidates, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            return (null, null);
        }
        if (!state.Loaded)
        {
            return (null, "the vector index is loading; words alone answer meanwhile");
        }
        if (index.EmbedderId != embedder.Info.Id)
        {
            return (null, "the vector index is being rebuilt for the embedder in use; words alone answer meanwhile");
        }
        float[] vector;
        try
        {
            vector = await embedder.EmbedQueryAsync(query.Text, cancellationToken);
        }
        catch (EmbedderUnavailableException ex)
        {
            return (null, ex.Message);
        }
        var floor = (float)(query.MinSimilarity ?? options.Value.MinSimilarity);
        return (index.Nearest(vector, query.Filter, query.Viewer, candidates, floor), null);
    }

    /// <summary>Weighted reciprocal-rank fusion, scaled by <paramref name="best"/> so that first place in every signal
    /// that ran scores 1.</summary>
    private static IEnumerable<Fused> Fuse(IReadOnlyList<VectorMatch> semantic, IReadOnlyList<LexicalMatch> lexical, double lexicalWeight, double best)
    {
        var byId = new Dictionary<string, Fused>(StringComparer.Ordinal);
        for (var rank = 0; rank < semantic.Count; rank++)
        {
            var m = semantic[rank];
            byId[m.Id] = new Fused(m.Id, 1.0 / (rank + 1), Math.Round(m.Similarity, 4), null);
        }
        for (var rank = 0; rank < lexical.Count; rank++)
        {
            var m = lexical[rank];
            var add = lexicalWeight / (rank + 1);
            byId[m.Id] = byId.TryGetValue(m.Id, out var f)
                ? f with { Score = f.Score + add, Bm25 = Math.Round(m.Bm25, 4) }
                : new Fused(m.Id, add, null, Math.Round(m.Bm25, 4));
        }
        return byId.Values
            .Select(f => f with { Score = best > 0 ? f.Score / best : 0 })
            .OrderByDescending(f => f.Score)
            .ThenByDescending(f => f.Similarity ?? -1)
            .ThenByDescending(f => f.Id, StringComparer.Ordinal);
    }

    private sealed record Fused(string Id, double Score, double? Similarity, double? Bm25);
}
