namespace Timmy.Core.Chat;

/// <summary>Timmy's chat settings, bound from <c>Timmy:Chat</c>.</summary>
public sealed class ChatAgentOptions
{
    public const string SectionName = "Timmy:Chat";

    /// <summary>Longest message the owner may send, in characters.</summary>
    public int MaxMessageLength { get; set; } = 8_000;

    /// <summary>Tokens of the model's context window kept free for the reply (at most half the window).</summary>
    public int ReplyReserveTokens { get; set; } = 1_024;

    /// <summary>Chat API requests per minute (per signed-in owner or token) before 429; the home page
    /// streams through the same API.</summary>
    public int RequestsPerMinute { get; set; } = 30;
}
