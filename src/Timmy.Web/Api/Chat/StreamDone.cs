namespace Timmy.Web.Api.Chat;

/// <summary>The <c>done</c> event of a stream: the answer's metadata and its rendered Markdown.</summary>
public sealed record StreamDone(
    string SessionId, long MessageId, string? Provider, string? Model, bool FallbackUsed, double? LatencyMs, string Html);
