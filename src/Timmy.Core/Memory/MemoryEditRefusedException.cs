using Timmy.Core.Refusals;

namespace Timmy.Core.Memory;

/// <summary>An edit the entry does not take: only facts are rewritten; conversations and documents are a record.</summary>
public sealed class MemoryEditRefusedException(string id, string contextType)
    : ConflictException("Entry cannot be edited",
        $"Entry '{id}' is a {contextType} entry; only facts can be rewritten. Delete it, or store a fact instead.");
