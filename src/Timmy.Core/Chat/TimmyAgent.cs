using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Agents;
using Timmy.Core.Events;
using Timmy.Core.Router;

namespace Timmy.Core.Chat;

/// <summary>
/// Timmy: answers the owner through the <see cref="AgentRunner"/> with his system prompt and the conversation so
/// far, trimmed to the answering model's context window. The question is stored before the router is called
/// (nothing acknowledged is lost); the answer, or an error turn saying why there is none, is stored after,
/// unless the conversation was deleted meanwhile (<see cref="ConversationDeletedException"/>). A conversation
/// takes one question at a time: until its answer is stored, another is refused (<see cref="ConversationBusyException"/>).
/// With a memory (<see cref="IChatMemory"/>), what Timmy remembers about the question joins his prompt and is stored
/// with the answer, and each finished turn is handed to the memory to remember.
/// </summary>
public sealed class TimmyAgent(
    AgentRunner runner,
    IConversationStore store,
    ContextBudget budget,
    IOptions<ChatAgentOptions> options,
    TimeProvider time,
    ILogger<TimmyAgent> logger,
    IChatMemory? memory = null)
{
    public const string EventSource = "timmy";

    private readonly AnsweringConversations _answering = new();
    private readonly ChatTurnRecorder _record = new(store, logger, memory);

    public const string EmptyMessage = "'message' must not be empty.";

    public int MaxMessageLength => options.Value.MaxMessageLength;

    /// <summary>Why <paramref name="message"/> cannot be sent, or null when it can.</summary>
    public string? Validate(string? message) =>
        string.IsNullOrWhiteSpace(message) ? EmptyMessage
        : message.Length > MaxMessageLength ? $"'message' must be at most {MaxMessageLength} characters (was {message.Length})."
        : null;

    /// <summary>Stores the question, in a new conversation when <paramref name="conversationId"/> is null, and opens
    /// its turn: the conversation takes no other question until the turn is answered or disposed.</summary>
    /// <exception cref="ArgumentException">The message is empty or too long.</exception>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    /// <exception cref="ConversationBusyException">Timmy is still answering in that conversation.</exception>
    public async Task<ChatTurn> BeginAsync(string? conversationId, string message, CancellationToken cancellationToken = default)
    {
        if (Validate(message) is { } problem)
        {
            throw new ArgumentException(problem, nameof(message));
        }
        var conversation = conversationId is null
            ? await store.CreateAsync("", cancellationToken)
            : await store.GetAsync(conversationId, cancellationToken) ?? throw new ConversationNotFoundException(conversationId);
        var busy = _answering.TryStart(conversation.Id) ?? throw new ConversationBusyException(conversation.Id);
        try
        {
            var user = await store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, message.Trim()), cancellationToken);
            return new ChatTurn(conversation, user, busy);
        }
        catch
        {
            busy.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the conversation's messages (see <see cref="IConversationStore.ClearAsync"/>); refused while
    /// Timmy is answering in it, whose answer would otherwise land in the cleared conversation.</summary>
    /// <exception cref="ConversationBusyException">Timmy is answering in it.</exception>
    public async Task<bool> ClearAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        using var answering = _answering.TryStart(conversationId)
            ?? throw new ConversationBusyException(conversationId, ConversationBusyException.ClearAdvice);
        return await store.ClearAsync(conversationId, ConversationEvent(EventType.ChatConversationCleared, conversationId), cancellationToken);
    }

    /// <summary>Deletes the conversation and its messages (see <see cref="IConversationStore.DeleteAsync"/>). A turn Timmy is
    /// answering in it ends with <see cref="ConversationDeletedException"/>.</summary>
    public Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(conversationId, ConversationEvent(EventType.ChatConversationDeleted, conversationId), cancellationToken);

    private static EventDraft ConversationEvent(string type, string conversationId) =>
        new(type, EventSource, new { conversation_id = conversationId });

    /// <summary>Asks and answers in one call.</summary>
    public async Task<ChatAnswer> AskAsync(string? conversationId, string message, CancellationToken cancellationToken = default) =>
        await AnswerAsync(await BeginAsync(conversationId, message, cancellationToken), cancellationToken);

    /// <summary>Answers the turn and closes it.</summary>
    /// <exception cref="ConversationDeletedException">The conversation was deleted before the answer was stored.</exception>
    public async Task<ChatAnswer> AnswerAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        using (turn)
        {
            return await AnswerOpenTurnAsync(turn, cancellationToken);
        }
    }

    /// <summary>Streams the answer's text as it arrives; the last update carries the stored answer or error turn.
    /// Closes the turn when the stream ends, however it ends.</summary>
    /// <exception cref="ConversationDeletedException">The conversation was deleted before the answer was stored.</exception>
    public async IAsyncEnumerable<ChatStreamUpdate> StreamAsync(ChatTurn turn, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using (turn)
        {
            await foreach (var update in StreamOpenTurnAsync(turn, cancellationToken))
            {
                if (update.Answer is not null)
                {
                    // Stored: free the conversation before the caller hears of it, so its next question is never refused.
                    turn.Dispose();
                }
                yield return update;
            }
        }
    }

    private async Task<ChatAnswer> AnswerOpenTurnAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var request = await RequestAsync(turn, cancellationToken);
        AgentReply reply;
        try
        {
            reply = await runner.RunAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _record.StoppedAsync(turn, "", null);
            throw;
        }
        catch (Exception ex)
        {
            return await _record.FailureAsync(turn, ex, "", null);
        }
        return await _record.AnswerAsync(turn, reply.Text, reply.Routing, reply.LatencyMs);
    }

    private async IAsyncEnumerable<ChatStreamUpdate> StreamOpenTurnAsync(ChatTurn turn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = await RequestAsync(turn, cancellationToken);
        var started = time.GetTimestamp();
        var text = new StringBuilder();
        RoutingInfo? routing = null;
        var recorded = false;
        try
        {
            await using var updates = runner.StreamAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                ChatAnswer? failed = null;
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopped, however the provider's client reports it: what arrived is kept, marked stopped.
                    recorded = true;
                    await _record.StoppedAsync(turn, text.ToString(), routing);
                    cancellationToken.ThrowIfCancellationRequested();
                    throw;
                }
                catch (Exception ex)
                {
                    recorded = true;
                    failed = await _record.FailureAsync(turn, ex, text.ToString(), routing);
                }
                if (failed is not null)
                {
                    yield return new ChatStreamUpdate(null, failed);
                    yield break;
                }
                var update = updates.Current;
                routing = update.Routing ?? routing;
                var piece = update.Text;
                if (piece.Length > 0)
                {
                    text.Append(piece);
                    yield return new ChatStreamUpdate(piece, null);
                }
            }
            recorded = true;
            if (cancellationToken.IsCancellationRequested)
            {
                // Some providers (Ollama's client) end a cancelled stream quietly: what arrived is not the whole answer.
                await _record.StoppedAsync(turn, text.ToString(), routing);
                cancellationToken.ThrowIfCancellationRequested();
            }
            yield return new ChatStreamUpdate(null, await _record.AnswerAsync(turn, text.ToString(), routing, Elapsed(started)));
        }
        finally
        {
            // The consumer stopped reading mid-answer (a client that went away): the turn still gets its ending.
            if (!recorded)
            {
                await _record.StoppedAsync(turn, text.ToString(), routing);
            }
        }
    }

    private async Task<AgentRequest> RequestAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        // Up to this turn's question: anything stored after it (by another process sharing the database) is not
        // this turn's to answer.
        var stored = await store.MessagesAsync(turn.Conversation.Id, budget.PromptMessages(), turn.UserMessage.Id + 1, cancellationToken);
        var history = stored.Messages
            .Where(m => m.Role != ConversationRoles.Error && m.Content.Length > 0)
            .Select(m => new ChatMessage(m.Role == ConversationRoles.User ? ChatRole.User : ChatRole.Assistant, m.Content))
            .ToList();
        var promptTokens = budget.PromptTokens();
        turn.Recall = await RecallAsync(turn, promptTokens / 4, cancellationToken);
        var instructions = turn.Recall.Tokens == 0 ? TimmyPrompt.System : TimmyPrompt.System + "\n\n" + turn.Recall.PromptText;
        return new AgentRequest(instructions, history) { PromptTokens = promptTokens - turn.Recall.Tokens, MaxOutputTokens = budget.ReplyReserve() };
    }

    /// <summary>What the memory holds about the question, in at most a quarter of the prompt; nothing when there is no
    /// memory or it fails (the answer matters more than the recall).</summary>
    private async Task<ChatRecall> RecallAsync(ChatTurn turn, int maxTokens, CancellationToken cancellationToken)
    {
        if (memory is null || maxTokens <= 0)
        {
            return ChatRecall.None;
        }
        try
        {
            return await memory.RecallAsync(turn.Conversation.Id, turn.UserMessage.Content, maxTokens, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Timmy answers without his memory: recalling for conversation {ConversationId} failed", turn.Conversation.Id);
            return ChatRecall.None;
        }
    }

    private double Elapsed(long started) => time.GetElapsedTime(started).TotalMilliseconds;
}
