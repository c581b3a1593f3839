using Timmy.Core.Memory;

namespace Timmy.Web.Api.Memory;

/// <summary>An uploaded document: its id (shared by its chunks' entries, in their metadata's <c>document_id</c>), name,
/// how many chunks and characters it was stored as, whether it is shared, whose it is (null: the owner's), and when.</summary>
public sealed record MemoryDocumentDto(string Id, string Name, int Chunks, long Characters, bool Shared, string? AgentId, DateTimeOffset StoredAt)
{
    public static MemoryDocumentDto From(MemoryDocument document) => new(
        document.DocumentId, document.Name, document.Chunks, document.Characters, document.Shared, document.AgentId, document.StoredAt);
}
