namespace Timmy.Core.Refusals;

/// <summary>The thing asked for does not exist (never did, or was deleted).</summary>
public abstract class NotFoundException(string title, string detail) : RefusalException(title, detail)
{
    /// <summary>The request field that named the missing thing, when a field did rather than the address: then
    /// the request itself is at fault (HTTP 400 naming the field) instead of the address (404).</summary>
    public string? Field { get; init; }
}
