namespace Timmy.Core.Memory;

/// <summary>Remembered entries packed for a prompt: the text to put in it, the entries it holds (best first), and its
/// estimated size in tokens. Empty text when nothing relevant was found.</summary>
public sealed record MemoryContext(string Text, IReadOnlyList<MemorySearchHit> Entries, int Tokens)
{
    public static MemoryContext Empty { get; } = new("", [], 0);
}
