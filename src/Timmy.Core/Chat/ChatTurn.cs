namespace Timmy.Core.Chat;

/// <summary>A question that has been stored and is waiting for its answer.</summary>
public sealed record ChatTurn(Conversation Conversation, ConversationMessage UserMessage);
