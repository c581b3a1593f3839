using Timmy.Core.Memory;

namespace Timmy.Web.Components.Memory;

/// <summary>One entry as a list shows it: the entry, and when it was found by a search, its score, how it matched and
/// the words that matched.</summary>
public sealed record MemoryItemView
{
    public required MemoryEntry Entry { get; init; }
    public required EntryMetadata Metadata { get; init; }
    public double? Score { get; init; }
    public double? Similarity { get; init; }
    public IReadOnlyList<string> Signals { get; init; } = [];
    public IReadOnlyList<string> MatchedTerms { get; init; } = [];

    public static MemoryItemView Of(MemoryEntry entry) => new() { Entry = entry, Metadata = EntryMetadata.Parse(entry.Metadata) };

    public static MemoryItemView Of(MemorySearchHit hit) => Of(hit.Entry) with
    {
        Score = hit.Score, Similarity = hit.Similarity, Signals = hit.Signals, MatchedTerms = hit.MatchedTerms,
    };
}
