namespace Timmy.Core.Chat;

/// <summary>Who said a stored turn. An <see cref="Error"/> turn records a failed answer (shown in the
/// conversation, never sent back to a model).</summary>
public static class ConversationRoles
{
    public const string User = "user";
    public const string Assistant = "assistant";
    public const string Error = "error";
}
