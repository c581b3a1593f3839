namespace Timmy.Core.Chat;

/// <summary>One stored turn. Provider, model, latency and fallback are set on answers (and on error turns
/// where known).</summary>
public sealed record ConversationMessage(
    long Id,
    string ConversationId,
    string Role,
    string Content,
    string? Provider,
    string? Model,
    bool FallbackUsed,
    double? LatencyMs,
    DateTimeOffset CreatedAt);
