namespace Timmy.Core.Memory;

/// <summary>A new entry with its vector from <see cref="Embedder"/>, or with neither when no embedder could answer.</summary>
public sealed record MemoryWrite(NewMemory Memory, float[]? Vector, string? Embedder);
