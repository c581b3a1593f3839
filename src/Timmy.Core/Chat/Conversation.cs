namespace Timmy.Core.Chat;

/// <summary>One chat session. <see cref="Title"/> is empty until the first message names it.</summary>
public sealed record Conversation(string Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int MessageCount)
{
    public const string UntitledTitle = "New conversation";

    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? UntitledTitle : Title;
}
