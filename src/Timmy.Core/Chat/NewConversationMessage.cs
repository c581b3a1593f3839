namespace Timmy.Core.Chat;

/// <summary>A turn to append to a conversation.</summary>
public sealed record NewConversationMessage(
    string ConversationId,
    string Role,
    string Content,
    string? Provider = null,
    string? Model = null,
    bool FallbackUsed = false,
    double? LatencyMs = null)
{
    /// <summary>The memory entries an answer was given with.</summary>
    public IReadOnlyList<RememberedEntry> Remembered { get; init; } = [];
}
