using System.Text.Json;
using Timmy.Core.Memory;

namespace Timmy.Web.Api.Memory;

/// <summary>A memory entry as the API shows it. <see cref="AgentId"/> null: the owner's. <see cref="Metadata"/> is the
/// entry's JSON object (a document chunk's document and position, a fact's key). <see cref="Embedder"/> is the id of the
/// embedder whose vector it has, null while it waits for one.</summary>
public sealed record MemoryEntryDto(
    string Id,
    string Content,
    string ContextType,
    string Source,
    string? AgentId,
    string? SessionId,
    string? TaskId,
    JsonElement Metadata,
    bool Shared,
    DateTimeOffset Timestamp,
    DateTimeOffset? UpdatedAt,
    string? Embedder)
{
    public static MemoryEntryDto From(MemoryEntry entry) => new(
        entry.Id, entry.Content, entry.ContextType, entry.Source, entry.AgentId, entry.SessionId, entry.TaskId, MetadataOf(entry.Metadata),
        entry.Shared, entry.Timestamp, entry.UpdatedAt, entry.Embedder);

    private static JsonElement MetadataOf(string metadata)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(metadata) ? "{}" : metadata);
        return document.RootElement.Clone();
    }
}
