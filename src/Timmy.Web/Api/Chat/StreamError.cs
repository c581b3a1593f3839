using Timmy.Core.Router;

namespace Timmy.Web.Api.Chat;

/// <summary>The <c>error</c> event of a stream: the error turn as Markdown and HTML, and each provider's reason;
/// or, with <see cref="ConversationDeleted"/>, why there is no turn at all (no <see cref="MessageId"/>). <see cref="TurnHtml"/>: the error turn as the page draws it.</summary>
public sealed record StreamError(
    string SessionId, long? MessageId, string Message, string Html, bool NoProvider, IReadOnlyList<ProviderAttempt> Reasons,
    string TurnHtml, bool ConversationDeleted = false);
