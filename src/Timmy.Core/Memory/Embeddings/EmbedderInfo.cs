namespace Timmy.Core.Memory.Embeddings;

/// <summary>Which embedder produced a vector. <paramref name="Id"/> is stable text stored with every vector
/// (<c>minilm/all-MiniLM-L6-v2</c>, <c>ollama/nomic-embed-text</c>, <c>onnx/&lt;folder name&gt;</c>, <c>hashing/v1</c>);
/// vectors with different ids are not comparable. <paramref name="Dimensions"/> is 0 while an Ollama model has not
/// answered yet. <paramref name="LexicalOnly"/> marks an embedder that matches words and spellings, not meaning.</summary>
public sealed record EmbedderInfo(string Id, int Dimensions, bool LexicalOnly, string Description);
