namespace Timmy.Core.Chat;

/// <summary>A question that has been stored and is waiting for its answer. While the turn is open its
/// conversation takes no other question. Answering it closes it; a caller that may never get to answer (a
/// stream whose client leaves before it starts) disposes it instead. Closing twice is harmless.</summary>
public sealed class ChatTurn(Conversation conversation, ConversationMessage userMessage, IDisposable busy) : IDisposable
{
    public Conversation Conversation { get; } = conversation;

    public ConversationMessage UserMessage { get; } = userMessage;

    /// <summary>What Timmy remembered for this turn's answer, once its prompt is built.</summary>
    public ChatRecall Recall { get; internal set; } = ChatRecall.None;

    public void Dispose() => busy.Dispose();
}
