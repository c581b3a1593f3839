namespace Timmy.Core.Memory;

/// <summary>An entry that has no vector of the embedder in use yet.</summary>
public sealed record PendingEmbedding(string Id, string Content);
