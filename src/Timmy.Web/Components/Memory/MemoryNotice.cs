namespace Timmy.Web.Components.Memory;

/// <summary>The line shown after a form on the memory's pages: the redirect carries a code (and for an upload the
/// document's name and chunk count), the words are here (post-redirect-get, so a reload repeats nothing).</summary>
public sealed record MemoryNotice(string Text, bool IsError)
{
    public const string FactAdded = "fact-added";
    public const string FactKnown = "fact-known";
    public const string FactUpdated = "fact-updated";
    public const string FactDeleted = "fact-deleted";
    public const string DocumentStored = "document-stored";
    public const string DocumentDeleted = "document-deleted";
    public const string Updated = "updated";
    public const string Shared = "shared";
    public const string Unshared = "unshared";
    public const string Deleted = "deleted";
    public const string Gone = "gone";

    public static MemoryNotice? For(string? code, string? name = null, string? chunks = null) => code switch
    {
        FactAdded => new("Fact remembered.", false),
        FactKnown => new("That fact was already known, word for word; nothing changed.", false),
        FactUpdated => new("Fact updated.", false),
        FactDeleted => new("Fact deleted.", false),
        DocumentStored => new($"Stored “{name}” as {chunks} {(chunks == "1" ? "chunk" : "chunks")}.", false),
        DocumentDeleted => new($"Deleted the document ({chunks} {(chunks == "1" ? "chunk" : "chunks")}).", false),
        Updated => new("Entry updated.", false),
        Shared => new("Shared: every agent can now read this entry.", false),
        Unshared => new("Private again: only its owner can read this entry.", false),
        Deleted => new("Entry deleted.", false),
        Gone => new("That entry or document no longer exists; it may have been deleted or pruned meanwhile.", true),
        _ => null,
    };
}
