namespace Timmy.Web.Api.Chat;

/// <summary>Timmy's answer from <c>POST /api/v1/chat</c>, with who gave it and how fast.</summary>
public sealed record ChatReply(
    string Reply, string SessionId, string? Provider, string? Model, bool FallbackUsed, double? LatencyMs, long MessageId);
