using Timmy.Core.Chat;
using Timmy.Core.Refusals;

namespace Timmy.Web.Api.Chat;

/// <summary>
/// The one way a question reaches Timmy, taken by the chat API, its stream, the home page's form and
/// <c>timmy chat</c>: check the question, take it from the caller's allowance, store it and open its turn.
/// A refusal is thrown as a <see cref="RefusalException"/>: an empty or long message or an unknown
/// <c>session_id</c> (<see cref="InvalidFieldException"/>, <see cref="ConversationNotFoundException"/> naming the
/// field), a used-up allowance (<see cref="LimitExceededException"/>), a conversation Timmy is still answering in
/// (<see cref="ConversationBusyException"/>). The API answers each as ProblemDetails in one place; the page and the
/// CLI show its message.
/// </summary>
public sealed class ChatFlow(TimmyAgent agent, ChatRateLimiter limiter)
{
    /// <summary>Opens the question's turn, in a new conversation when <paramref name="conversationId"/> is blank.</summary>
    /// <param name="caller">Whose allowance the question takes (<see cref="ChatRateLimiter.CallerOf"/>); null for the
    /// owner at the terminal, who has none.</param>
    public async Task<ChatTurn> BeginAsync(string? conversationId, string? message, string? caller, CancellationToken cancellationToken)
    {
        if (agent.Validate(message) is { } problem)
        {
            throw new InvalidFieldException("message", problem);
        }
        if (caller is not null && !limiter.TryTake(caller))
        {
            throw new LimitExceededException(ChatRateLimiter.RefusedMessage);
        }
        var id = string.IsNullOrWhiteSpace(conversationId) ? null : conversationId.Trim();
        try
        {
            return await agent.BeginAsync(id, message!, cancellationToken);
        }
        catch (ConversationNotFoundException ex) when (ex.Field is null)
        {
            throw new ConversationNotFoundException(ex.ConversationId) { Field = ChatRequest.SessionIdField };
        }
    }

    /// <summary>Asks and waits for the whole answer (an error turn when no provider could give one).</summary>
    /// <exception cref="ConversationDeletedException">The conversation was deleted before the answer was stored.</exception>
    public async Task<ChatAnswer> AskAsync(string? conversationId, string? message, string? caller, CancellationToken cancellationToken) =>
        await agent.AnswerAsync(await BeginAsync(conversationId, message, caller, cancellationToken), cancellationToken);

    /// <summary>The answer as it arrives; see <see cref="TimmyAgent.StreamAsync"/>.</summary>
    public IAsyncEnumerable<ChatStreamUpdate> StreamAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        agent.StreamAsync(turn, cancellationToken);
}
