using Timmy.Core.Memory.Embeddings;

namespace Timmy.Web.Components.Memory;

/// <summary>What the results part of /memory shows: a search's hits (best first) or, with no search, the entries newest
/// first with the cursor to older ones; the reasons the filters cannot be used; and how the search ran (the semantic
/// signal's problem, a lexical-only embedder).</summary>
public sealed record MemoryResultsModel
{
    public required MemoryFilters Filters { get; init; }
    public required DateTimeOffset Now { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public IReadOnlyList<MemoryItemView> Items { get; init; } = [];
    public string? OlderCursor { get; init; }

    /// <summary>Why the search matched by words only, when its semantic signal did not run.</summary>
    public string? SemanticProblem { get; init; }

    /// <summary>The embedder the search used, when it matches spellings rather than meaning (the hashing fallback).</summary>
    public EmbedderInfo? LexicalOnlyEmbedder { get; init; }

    public double? Milliseconds { get; init; }
}
