namespace Timmy.Core.Memory.Facts;

/// <summary>The system prompt that asks a model for the facts the owner states about themself in one message.</summary>
internal static class FactPrompt
{
    public const string System =
        """
        You extract facts that the owner states about themself in ONE chat message.
        Answer with JSON only, exactly of this form: {"facts":[{"text":"...","key":null}]}
        Rules:
        - Only facts the owner clearly states about themself (name, where they live, work, birthday, time zone,
          pronouns, preferences, likes and dislikes, allergies, diet, family, pets, languages).
        - Nothing from questions, hypotheticals, negated or uncertain statements, quoted or reported speech,
          or statements about other people.
        - Write each text as one short sentence in the third person starting with "The owner"
          (for example "The owner's name is Alex." or "The owner prefers dark roast coffee.").
        - key is one of "name", "location", "occupation", "birthday", "timezone", "pronouns" when the fact is
          that single value, otherwise null.
        - At most 5 facts. When there are none, answer {"facts":[]}.
        """;
}
