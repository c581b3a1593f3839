using Timmy.Core.Chat;

namespace Timmy.Tests.Chat;

public static class ConversationStoreTestExtensions
{
    /// <summary>Every message of a test-sized conversation, oldest first.</summary>
    public static async Task<IReadOnlyList<ConversationMessage>> AllMessagesAsync(
        this IConversationStore store, string conversationId, CancellationToken cancellationToken) =>
        (await store.MessagesAsync(conversationId, 10_000, cancellationToken: cancellationToken)).Messages;
}
