namespace Timmy.Core.Memory;

/// <summary>An uploaded document: the chunks stored from it share its <see cref="DocumentId"/>.</summary>
public sealed record MemoryDocument(string DocumentId, string Name, int Chunks, long Characters, bool Shared, string? AgentId, DateTimeOffset StoredAt);
