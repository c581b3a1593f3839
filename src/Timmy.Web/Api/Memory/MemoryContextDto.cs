using Timmy.Core.Memory;

namespace Timmy.Web.Api.Memory;

/// <summary>Remembered entries packed for a prompt: the text, the entries in it with their scores (best first), and its
/// estimated size in tokens. Empty text when nothing relevant was found.</summary>
public sealed record MemoryContextDto(string Text, IReadOnlyList<MemorySearchHitDto> Entries, int Tokens)
{
    public static MemoryContextDto From(MemoryContext context) =>
        new(context.Text, [.. context.Entries.Select(MemorySearchHitDto.From)], context.Tokens);
}
