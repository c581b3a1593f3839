namespace Timmy.Core.Memory.Embeddings;

/// <summary>The embedder cannot answer now (Ollama unreachable, a model call failed). The memory keeps the entry
/// without a vector and embeds it again later.</summary>
public sealed class EmbedderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
