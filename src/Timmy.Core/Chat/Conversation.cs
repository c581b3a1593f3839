namespace Timmy.Core.Chat;

/// <summary>One chat session. <see cref="Title"/> is empty until the first message names it.</summary>
public sealed record Conversation(string Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int MessageCount)
{
    /// <summary>The title, or for one not named yet "Untitled, 30 Nov 14:05" (UTC), so that several read apart.</summary>
    public string DisplayTitle => string.IsNullOrWhiteSpace(Title)
        ? "Untitled, " + CreatedAt.UtcDateTime.ToString("d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : Title;
}
