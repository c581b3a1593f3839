namespace Timmy.Core.Chat;

/// <summary>The facts a chat refusal carries: the conversation's id, as the chat API names it.</summary>
internal static class ConversationFacts
{
    public const string SessionId = "session_id";

    public static IReadOnlyDictionary<string, object?> Of(string conversationId) =>
        new Dictionary<string, object?> { [SessionId] = conversationId };
}
