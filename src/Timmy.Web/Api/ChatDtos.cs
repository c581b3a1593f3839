using Timmy.Core.Chat;
using Timmy.Core.Router;

namespace Timmy.Web.Api;

/// <summary>Wire shapes of the chat API (snake_case on the wire).</summary>
public static class ChatDtos
{
    public sealed record ChatRequest(string? Message, string? SessionId);

    public sealed record ChatReply(
        string Reply, string SessionId, string? Provider, string? Model, bool FallbackUsed, double? LatencyMs, long MessageId);

    /// <summary>A conversation and one page of its messages, oldest first; <see cref="HasOlder"/>: ask again with
    /// <c>before_id</c> set to the first message's id for the ones before.</summary>
    public sealed record ConversationDetail(Conversation Conversation, IReadOnlyList<ConversationMessage> Messages, bool HasOlder);

    /// <summary>The <c>done</c> event of a stream: the answer's metadata and its rendered Markdown.</summary>
    public sealed record StreamDone(
        string SessionId, long MessageId, string? Provider, string? Model, bool FallbackUsed, double? LatencyMs, string Html);

    /// <summary>The <c>error</c> event of a stream: the error turn as Markdown and HTML, and each provider's reason;
    /// or, with <see cref="ConversationDeleted"/>, why there is no turn at all (no <see cref="MessageId"/>).</summary>
    public sealed record StreamError(
        string SessionId, long? MessageId, string Message, string Html, bool NoProvider, IReadOnlyList<ProviderAttempt> Reasons,
        bool ConversationDeleted = false);
}
