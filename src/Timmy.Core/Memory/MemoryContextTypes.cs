namespace Timmy.Core.Memory;

/// <summary>What a memory entry is: a turn of a conversation, a fact (editable), or a chunk of an uploaded document.</summary>
public static class MemoryContextTypes
{
    public const string Conversation = "conversation";
    public const string Fact = "fact";
    public const string Document = "document";

    public static IReadOnlyList<string> All { get; } = [Conversation, Fact, Document];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
