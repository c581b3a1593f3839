namespace Timmy.Core.Chat;

/// <summary>Conversations for the pages and the API: the list, one conversation and a page of its messages, a new
/// empty one. Asking, clearing and deleting go through <see cref="TimmyAgent"/>, which knows whether Timmy is
/// answering.</summary>
public sealed class ConversationService(IConversationStore store)
{
    /// <summary>Most recently updated first.</summary>
    public Task<IReadOnlyList<Conversation>> ListAsync(int limit, CancellationToken cancellationToken = default) =>
        store.ListAsync(limit, cancellationToken);

    /// <summary>The conversation, or null when there is none with that id.</summary>
    public Task<Conversation?> FindAsync(string id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    /// <summary>See <see cref="IConversationStore.MessagesAsync"/>.</summary>
    public Task<MessagePage> MessagesAsync(string conversationId, int limit, long? beforeId = null, CancellationToken cancellationToken = default) =>
        store.MessagesAsync(conversationId, limit, beforeId, cancellationToken);

    public Task<Conversation> CreateAsync(CancellationToken cancellationToken = default) => store.CreateAsync("", cancellationToken);
}
