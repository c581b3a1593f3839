namespace Timmy.Core.Chat;

/// <summary>A turn to append to a conversation.</summary>
public sealed record NewConversationMessage(
    string ConversationId,
    string Role,
    string Content,
    string? Provider = null,
    string? Model = null,
    bool FallbackUsed = false,
    double? LatencyMs = null);
