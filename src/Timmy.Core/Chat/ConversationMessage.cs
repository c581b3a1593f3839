namespace Timmy.Core.Chat;

/// <summary>One stored turn. Provider, model, latency and fallback are set on answers (and on error turns
/// where known). An answer the owner stopped keeps what arrived and has no latency (<see cref="Stopped"/>).</summary>
public sealed record ConversationMessage(
    long Id,
    string ConversationId,
    string Role,
    string Content,
    string? Provider,
    string? Model,
    bool FallbackUsed,
    double? LatencyMs,
    DateTimeOffset CreatedAt)
{
    /// <summary>An answer stopped while it streamed: <see cref="Content"/> is what arrived (possibly nothing). Stored
    /// as an assistant turn without a latency, which every finished answer has.</summary>
    public bool Stopped => Role == ConversationRoles.Assistant && LatencyMs is null;

    /// <summary>The memory entries an answer was given with (shown as "remembered: …"); empty for other turns.</summary>
    public IReadOnlyList<RememberedEntry> Remembered { get; init; } = [];
}
