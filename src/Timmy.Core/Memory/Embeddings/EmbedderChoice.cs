using Microsoft.Extensions.AI;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>The embedder built for the configuration, and why it is not the configured one (null when it is).</summary>
public sealed record EmbedderChoice(IEmbeddingGenerator<string, Embedding<float>> Generator, string? Problem);
