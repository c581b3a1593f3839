namespace Timmy.Core.Chat;

/// <summary>What Timmy remembered for one answer: the text put into its prompt and the entries it came from.</summary>
public sealed record ChatRecall(string PromptText, int Tokens, IReadOnlyList<RememberedEntry> Entries)
{
    public static ChatRecall None { get; } = new("", 0, []);
}
