using Timmy.Core.Refusals;

namespace Timmy.Core.Chat;

/// <summary>The conversation id names no stored conversation (never existed, or deleted).</summary>
public sealed class ConversationNotFoundException(string conversationId)
    : NotFoundException("No such conversation", $"There is no conversation with id '{conversationId}'.")
{
    public string ConversationId { get; } = conversationId;
}
