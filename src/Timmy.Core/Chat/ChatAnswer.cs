using Timmy.Core.Router;

namespace Timmy.Core.Chat;

/// <summary>The stored outcome of a turn: an answer, or an error turn. <see cref="Attempts"/> lists each
/// provider and why it did not answer when no provider could.</summary>
public sealed record ChatAnswer(string ConversationId, ConversationMessage Message, IReadOnlyList<ProviderAttempt> Attempts)
{
    public bool IsError => Message.Role == ConversationRoles.Error;

    /// <summary>True when the error is "no provider could answer" (API: 503).</summary>
    public bool NoProvider { get; init; }
}
