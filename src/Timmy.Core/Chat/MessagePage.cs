namespace Timmy.Core.Chat;

/// <summary>Consecutive messages of one conversation, oldest first. <see cref="HasOlder"/> says whether messages
/// before the first one exist; pass the first one's id as the next <c>beforeId</c> to read them.</summary>
public sealed record MessagePage(IReadOnlyList<ConversationMessage> Messages, bool HasOlder);
