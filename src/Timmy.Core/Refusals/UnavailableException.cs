namespace Timmy.Core.Refusals;

/// <summary>Something the request needs (a Lightning node, a model server) cannot be reached now; nothing changed and
/// the same request may succeed later (HTTP 503).</summary>
public abstract class UnavailableException(string title, string detail) : RefusalException(title, detail, title + ". " + detail);
