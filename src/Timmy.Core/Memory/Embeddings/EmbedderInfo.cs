namespace Timmy.Core.Memory.Embeddings;

/// <summary>Which embedder produced a vector.</summary>
public sealed record EmbedderInfo(string Id, int Dimensions, bool LexicalOnly, string Description);
