namespace Timmy.Core.Memory;

/// <summary>An entry full-text search found, with its BM25 score (higher is better here: FTS5's sign is flipped).</summary>
public readonly record struct LexicalMatch(string Id, double Bm25);
