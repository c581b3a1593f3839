namespace Timmy.Core.Memory;

/// <summary>A search: the text, what it is narrowed to, who is asking, how many results and the lowest fused score
/// (0..1) a result may have.</summary>
public sealed record MemorySearchQuery(string Text)
{
    public const int MaxLimit = 100;
    public const int MaxTextLength = 2_000;

    public MemoryFilter Filter { get; init; } = MemoryFilter.None;
    public MemoryViewer Viewer { get; init; } = MemoryViewer.Owner;
    public int Limit { get; init; } = 10;
    public double MinScore { get; init; }

    /// <summary>Semantic matches below this cosine similarity are left out; null uses the configured default.</summary>
    public double? MinSimilarity { get; init; }
}
