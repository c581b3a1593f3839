namespace Timmy.Core.Memory;

/// <summary>A page of entries, newest first; <see cref="NextBefore"/> is the cursor for the next (older) page, null at the end.</summary>
public sealed record MemoryPage(IReadOnlyList<MemoryEntry> Items, string? NextBefore);
