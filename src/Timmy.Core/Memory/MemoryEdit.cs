namespace Timmy.Core.Memory;

/// <summary>A change to a stored entry; parts left null stay as they are. Only facts take new <see cref="Content"/>.</summary>
public sealed record MemoryEdit(string? Content = null, bool? Shared = null);
