using Timmy.Core.Refusals;

namespace Timmy.Core.Memory;

/// <summary>No memory entry (or document) of that id, or none the caller may see.</summary>
public sealed class MemoryEntryNotFoundException(string id, string what = "memory entry")
    : NotFoundException($"No such {what}", $"There is no {what} '{id}'. It may have been deleted or pruned.");
