using Timmy.Core.Refusals;

namespace Timmy.Core.Chat;

/// <summary>The conversation was deleted while Timmy was answering in it, so his answer (or error turn) has
/// nowhere to be stored. Not a failure of Timmy's: nothing is logged as one and nothing more is stored.</summary>
public sealed class ConversationDeletedException(string conversationId) : ConflictException(Headline, Advice)
{
    public const string Headline = "The conversation was deleted";
    public const string Advice = "Timmy was still answering in it, so the answer was not stored.";

    public string ConversationId { get; } = conversationId;

    public override IReadOnlyDictionary<string, object?> Facts => ConversationFacts.Of(ConversationId);
}
