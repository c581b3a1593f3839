using Timmy.Core.Refusals;

namespace Timmy.Core.Chat;

/// <summary>Timmy is still answering the previous question in this conversation, so what was asked of it (a new
/// question, a clear) was refused and nothing changed. <see cref="RefusalException.Detail"/> says what to do instead.</summary>
public sealed class ConversationBusyException(string conversationId, string detail = ConversationBusyException.Advice)
    : ConflictException(Headline, detail)
{
    public const string Headline = "Timmy is still answering in this conversation";
    public const string Advice = "Wait for that answer (or stop it), then ask again.";
    public const string ClearAdvice = "Stop that answer (or wait for it), then clear the conversation.";

    public string ConversationId { get; } = conversationId;

    public override IReadOnlyDictionary<string, object?> Facts => ConversationFacts.Of(ConversationId);
}
