namespace Timmy.Core.Refusals;

/// <summary>The caller is who they say, but this is not theirs to do, whatever they send (HTTP 403);
/// <see cref="RefusalException.Detail"/> says what they may do instead.</summary>
public abstract class ForbiddenException(string title, string detail) : RefusalException(title, detail, title + ". " + detail);
