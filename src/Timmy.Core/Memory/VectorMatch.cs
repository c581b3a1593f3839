namespace Timmy.Core.Memory;

/// <summary>An entry the vector index found, with its cosine similarity to the query.</summary>
public readonly record struct VectorMatch(string Id, float Similarity);
