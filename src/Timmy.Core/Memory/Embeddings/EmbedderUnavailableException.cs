namespace Timmy.Core.Memory.Embeddings;

/// <summary>The embedder cannot answer now.</summary>
public sealed class EmbedderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
