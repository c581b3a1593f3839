using Microsoft.Extensions.Logging;
using Timmy.Core.Events;
using Timmy.Core.Router;

namespace Timmy.Core.Chat;

/// <summary>Ends a turn of <see cref="TimmyAgent"/>: stores the answer, the part of it that arrived before the owner
/// stopped it, or an error turn saying why there is none (with the provider, model and latency the router reported),
/// with chat.answered, chat.stopped or chat.failed in the same transaction. A turn whose conversation was deleted meanwhile raises <see cref="ConversationDeletedException"/>.
/// An answer keeps the memory entries it was given with; every stored ending is handed to the memory to remember.</summary>
internal sealed class ChatTurnRecorder(IConversationStore store, ILogger logger, IChatMemory? memory)
{
    public async Task<ChatAnswer> AnswerAsync(ChatTurn turn, string text, RoutingInfo? routing, double latencyMs)
    {
        var message = await StoreAsync(new NewConversationMessage(
            turn.Conversation.Id, ConversationRoles.Assistant, text, routing?.Provider, routing?.Model, routing?.FallbackUsed ?? false, Math.Round(latencyMs, 1))
            { Remembered = turn.Recall.Entries },
            stored => Event(EventType.ChatAnswered, new
            {
                conversation_id = stored.ConversationId, message_id = stored.Id, provider = stored.Provider, model = stored.Model,
                latency_ms = stored.LatencyMs, fallback_used = stored.FallbackUsed, chars = text.Length, remembered = stored.Remembered.Count,
            }));
        memory?.Remember(turn.UserMessage, message);
        return new ChatAnswer(turn.Conversation.Id, message, []);
    }

    /// <summary>The owner stopped the answer (or went away): what arrived is kept as the answer, marked stopped
    /// (no latency, <see cref="ConversationMessage.Stopped"/>); neither an answer nor a failure.</summary>
    public async Task StoppedAsync(ChatTurn turn, string partial, RoutingInfo? routing)
    {
        try
        {
            var stopped = await StoreAsync(new NewConversationMessage(
                turn.Conversation.Id, ConversationRoles.Assistant, partial, routing?.Provider, routing?.Model, routing?.FallbackUsed ?? false)
                { Remembered = turn.Recall.Entries },
                stored => Event(EventType.ChatStopped, new
                {
                    conversation_id = stored.ConversationId, message_id = stored.Id, provider = stored.Provider, model = stored.Model,
                    chars = partial.Length,
                }));
            memory?.Remember(turn.UserMessage, stopped.Content.Length == 0 ? null : stopped);
        }
        catch (ConversationDeletedException)
        {
            // Nobody is waiting for this turn any more, and it has no conversation to be stored in.
        }
    }

    public Task<ChatAnswer> FailureAsync(ChatTurn turn, Exception ex, string partial, RoutingInfo? routing)
    {
        if (ex is NoProviderAvailableException none)
        {
            return ErrorAsync(turn, ChatErrors.NoProvider(none.Attempts), none.Attempts, routing, noProvider: true);
        }
        logger.LogWarning(ex, "Timmy could not answer in conversation {ConversationId}", turn.Conversation.Id);
        var content = ex is ProviderStreamInterruptedException cut
            ? ChatErrors.Interrupted(ErrorText.Describe(cut.InnerException ?? cut), partial)
            : ChatErrors.Failed(ex);
        return ErrorAsync(turn, content, [], routing);
    }

    public async Task<ChatAnswer> ErrorAsync(
        ChatTurn turn, string content, IReadOnlyList<ProviderAttempt> attempts, RoutingInfo? routing, bool noProvider = false)
    {
        var message = await StoreAsync(new NewConversationMessage(
            turn.Conversation.Id, ConversationRoles.Error, content, routing?.Provider, routing?.Model, routing?.FallbackUsed ?? false),
            stored => Event(EventType.ChatFailed, new
            {
                conversation_id = stored.ConversationId, message_id = stored.Id,
                reason = noProvider ? "no provider could answer" : content.Split('\n')[0],
                attempts = attempts.Select(a => new { provider = a.Provider, skipped = a.Skipped, reason = a.Reason }).ToArray(),
            }));
        memory?.Remember(turn.UserMessage, null);
        return new ChatAnswer(turn.Conversation.Id, message, attempts) { NoProvider = noProvider };
    }

    /// <summary>Stores one of Timmy's turns with its event, even when the caller has given up on it.</summary>
    private async Task<ConversationMessage> StoreAsync(NewConversationMessage message, Func<ConversationMessage, EventDraft> logged)
    {
        try
        {
            return await store.AddMessageAsync(message, logged, CancellationToken.None);
        }
        catch (ConversationNotFoundException)
        {
            logger.LogInformation(
                "Conversation {ConversationId} was deleted while Timmy was answering; its {Role} turn was not stored",
                message.ConversationId, message.Role);
            throw new ConversationDeletedException(message.ConversationId);
        }
    }

    private static EventDraft Event(string type, object data) => new(type, TimmyAgent.EventSource, data);

}
