namespace Timmy.Core.Memory.Facts;

/// <summary>What remembering a fact did: the fact's entry; whether it was stored or changed (false when the fact was
/// already known as it is, and <see cref="Entry"/> is the entry that knew it); and whether the entry is new (false when
/// it replaced the fact under its key).</summary>
public sealed record RememberedFact(MemoryEntry Entry, bool Changed, bool IsNew);
