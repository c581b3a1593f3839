namespace Timmy.Core.Refusals;

/// <summary>The request was well formed, but the thing it acts on is in a state that does not allow it now
/// (busy, already changed); <see cref="RefusalException.Detail"/> says what to do.</summary>
public abstract class ConflictException(string title, string detail) : RefusalException(title, detail, title + ". " + detail);
