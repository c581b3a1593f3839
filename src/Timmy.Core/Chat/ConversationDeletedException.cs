namespace Timmy.Core.Chat;

/// <summary>The conversation was deleted while Timmy was answering in it, so his answer (or error turn) has
/// nowhere to be stored. Not a failure of Timmy's: nothing is logged as one and nothing more is stored.</summary>
public sealed class ConversationDeletedException(string conversationId)
    : Exception("The conversation was deleted while Timmy was answering, so the answer was not stored.")
{
    public string ConversationId { get; } = conversationId;
}
