namespace Timmy.Core.Chat;

/// <summary>What Timmy's chat asks of a memory, when one is configured: what it remembers that bears on a question
/// (put into the answer's prompt), and to remember a finished turn. A memory failure never fails the chat.</summary>
public interface IChatMemory
{
    /// <summary>Remembered entries relevant to <paramref name="question"/>, from outside this conversation (its own
    /// turns are in the prompt already), packed into at most <paramref name="maxTokens"/>.</summary>
    Task<ChatRecall> RecallAsync(string conversationId, string question, int maxTokens, CancellationToken cancellationToken = default);

    /// <summary>Queues a finished turn to be remembered: the owner's question and Timmy's answer (null when there is
    /// none) as conversation memory, and the facts the owner stated. Returns at once.</summary>
    void Remember(ConversationMessage question, ConversationMessage? answer);
}
