namespace Timmy.Web.Api.Chat;

/// <summary>The <c>done</c> event of a stream: the answer's metadata, its rendered Markdown, and the whole turn as
/// the page draws it (<see cref="TurnHtml"/>).</summary>
public sealed record StreamDone(
    string SessionId, long MessageId, string? Provider, string? Model, bool FallbackUsed, double? LatencyMs, string Html, string TurnHtml);
