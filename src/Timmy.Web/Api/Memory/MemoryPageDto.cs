namespace Timmy.Web.Api.Memory;

/// <summary>One page of entries, newest first; pass <see cref="Next"/> as <c>before</c> for the next (older) page; null
/// at the end.</summary>
public sealed record MemoryPageDto(IReadOnlyList<MemoryEntryDto> Items, string? Next);
