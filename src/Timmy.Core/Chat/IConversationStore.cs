using Timmy.Core.Events;

namespace Timmy.Core.Chat;

/// <summary>Chat sessions and their turns, durable across restarts.</summary>
public interface IConversationStore
{
    Task<Conversation> CreateAsync(string title, CancellationToken cancellationToken = default);

    Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Most recently updated first.</summary>
    Task<IReadOnlyList<Conversation>> ListAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> messages with an id below <paramref name="beforeId"/> (the newest
    /// of all when null), oldest first, and whether there are older ones. Empty when the conversation does not exist.</summary>
    Task<MessagePage> MessagesAsync(string conversationId, int limit, long? beforeId = null, CancellationToken cancellationToken = default);

    /// <summary>Appends a turn and touches the conversation in one transaction; names an untitled conversation
    /// after its first user message.</summary>
    /// <exception cref="ConversationNotFoundException">The conversation does not exist.</exception>
    Task<ConversationMessage> AddMessageAsync(NewConversationMessage message, CancellationToken cancellationToken = default);

    /// <summary>Appends a turn as above, with the event <paramref name="logged"/> makes of the stored turn in the same
    /// transaction.</summary>
    /// <exception cref="ConversationNotFoundException">The conversation does not exist.</exception>
    Task<ConversationMessage> AddMessageAsync(
        NewConversationMessage message, Func<ConversationMessage, EventDraft> logged, CancellationToken cancellationToken = default);

    /// <summary>Deletes every turn but keeps the conversation (untitled again), with the event <paramref name="logged"/>
    /// in the same transaction. False, and nothing logged, when it does not exist.</summary>
    Task<bool> ClearAsync(string id, EventDraft logged, CancellationToken cancellationToken = default);

    /// <summary>Deletes the conversation and its turns, with the event <paramref name="logged"/> in the same
    /// transaction. False, and nothing logged, when it does not exist.</summary>
    Task<bool> DeleteAsync(string id, EventDraft logged, CancellationToken cancellationToken = default);
}
