using System.Globalization;
using Microsoft.Extensions.Options;
using Timmy.Core.Agents;

namespace Timmy.Core.Memory;

/// <summary>
/// get_memory_context: searches the memory for a query and packs the most relevant entries, each with where it came
/// from, into a token budget (estimated as <see cref="TokenEstimator"/> does for prompts). An entry that would overflow
/// is cut to what fits when a useful part still does, and packing stops there. Only entries that match by words or reach
/// <see cref="MemoryOptions.ContextMinSimilarity"/> by meaning are used, at most <see cref="MemoryOptions.ContextMaxEntries"/>,
/// and an entry that says word for word what a packed one says is skipped (the owner asking the same question in
/// several conversations is remembered once): a prompt is better without noise.
/// </summary>
public sealed class MemoryContextBuilder(MemorySearch search, IOptions<MemoryOptions> options)
{
    public const string Heading = "Things you remember that may help (most relevant first; use them only if they do):";
    private const int MinUsefulTokens = 24;
    private const int Candidates = 20;

    public async Task<MemoryContext> BuildAsync(
        string query, int maxTokens, MemoryViewer viewer, MemoryFilter? filter = null, CancellationToken cancellationToken = default)
    {
        if (maxTokens <= TokenEstimator.Estimate(Heading) + MinUsefulTokens || string.IsNullOrWhiteSpace(query))
        {
            return MemoryContext.Empty;
        }
        var result = await search.SearchAsync(new MemorySearchQuery(query)
        {
            Filter = filter ?? MemoryFilter.None,
            Viewer = viewer,
            Limit = Candidates,
            MinSimilarity = options.Value.ContextMinSimilarity,
        }, cancellationToken);
        var lines = new List<string> { Heading };
        var used = new List<MemorySearchHit>();
        var said = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tokens = TokenEstimator.Estimate(Heading);
        foreach (var hit in result.Hits)
        {
            if (used.Count == options.Value.ContextMaxEntries)
            {
                break;
            }
            if (!said.Add(hit.Entry.Content.Trim()))
            {
                continue;
            }
            var line = Line(hit.Entry);
            var cost = TokenEstimator.Estimate(line) + 1;
            if (tokens + cost > maxTokens)
            {
                var room = maxTokens - tokens - 1;
                if (room >= MinUsefulTokens)
                {
                    line = line[..Math.Min(line.Length, room * TokenEstimator.CharsPerToken - 1)] + "…";
                    lines.Add(line);
                    used.Add(hit);
                    tokens += TokenEstimator.Estimate(line) + 1;
                }
                break;
            }
            lines.Add(line);
            used.Add(hit);
            tokens += cost;
        }
        return used.Count == 0 ? MemoryContext.Empty : new MemoryContext(string.Join('\n', lines), used, tokens);
    }

    /// <summary>"- [fact · chat · 2026-12-05] The owner's name is Alex." — where it came from, then what it says.</summary>
    public static string Line(MemoryEntry entry) =>
        $"- [{entry.ContextType} · {entry.Source} · {entry.Timestamp.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}] " +
        entry.Content.ReplaceLineEndings(" ");
}
