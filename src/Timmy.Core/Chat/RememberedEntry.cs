namespace Timmy.Core.Chat;

/// <summary>A memory entry an answer was given with: its id (the memory page links to it), kind, where it came from,
/// and the start of what it says.</summary>
public sealed record RememberedEntry(string Id, string ContextType, string Source, string Preview);
