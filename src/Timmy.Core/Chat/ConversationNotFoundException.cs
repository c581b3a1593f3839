namespace Timmy.Core.Chat;

/// <summary>The conversation id names no stored conversation (never existed, or deleted).</summary>
public sealed class ConversationNotFoundException(string conversationId)
    : Exception($"There is no conversation with id '{conversationId}'.")
{
    public string ConversationId { get; } = conversationId;
}
