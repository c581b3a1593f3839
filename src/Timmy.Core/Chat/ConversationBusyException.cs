namespace Timmy.Core.Chat;

/// <summary>Timmy is still answering the previous question in this conversation; the new one was not stored.</summary>
public sealed class ConversationBusyException(string conversationId) : Exception(Headline + ". " + Advice)
{
    public const string Headline = "Timmy is still answering in this conversation";
    public const string Advice = "Wait for that answer (or stop it), then ask again.";

    public string ConversationId { get; } = conversationId;
}
