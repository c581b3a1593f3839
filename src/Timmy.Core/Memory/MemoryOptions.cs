namespace Timmy.Core.Memory;

/// <summary>Settings of the semantic memory (section <c>Timmy:Memory</c>; the embedder's own are under
/// <c>Timmy:Memory:Embedder</c>).</summary>
public sealed class MemoryOptions
{
    public const string SectionName = "Timmy:Memory";

    /// <summary>Longest entry, in characters. A document is split into chunks below this.</summary>
    public int MaxContentLength { get; set; } = 20_000;

    /// <summary>Largest document that may be uploaded, in characters.</summary>
    public int MaxDocumentLength { get; set; } = 2_000_000;

    /// <summary>Conversation and document entries older than this many days are pruned (facts are kept); 0 keeps everything.</summary>
    public int RetentionDays { get; set; } = 365;

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Semantic matches below this cosine similarity are not matches.</summary>
    public double MinSimilarity { get; set; } = 0.2;

    /// <summary>What a memory must reach (cosine similarity, or a full-text match) to be put into Timmy's prompt.</summary>
    public double ContextMinSimilarity { get; set; } = 0.3;

    /// <summary>Most tokens of remembered context put into one of Timmy's prompts.</summary>
    public int ContextTokens { get; set; } = 600;

    /// <summary>Most entries put into one prompt, however many fit.</summary>
    public int ContextMaxEntries { get; set; } = 6;

    /// <summary>Whether Timmy's chat stores each turn and recalls memories into his prompt.</summary>
    public bool ChatMemory { get; set; } = true;

    /// <summary>Whether the facts the owner states in the chat are found by asking the router (a second, short model call
    /// after each answer), or only by the careful rules.</summary>
    public bool LearnFactsWithModel { get; set; } = true;

    /// <summary>How many entries the re-embed embeds per step.</summary>
    public int ReindexBatch { get; set; } = 64;

    /// <summary>How often the re-embed looks for entries without a vector of the embedder in use (stored while it was
    /// unreachable, or made by another embedder).</summary>
    public TimeSpan ReindexInterval { get; set; } = TimeSpan.FromMinutes(1);
}
