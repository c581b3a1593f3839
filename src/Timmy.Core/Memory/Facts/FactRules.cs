using System.Text.RegularExpressions;

namespace Timmy.Core.Memory.Facts;

/// <summary>Finds facts the owner states about themself with careful rules and no model. Only clear
/// first-person statements count: a message is cut into sentences, and a sentence that is a question, a
/// hypothetical or hedge ("if", "would", "I think"), or reported or quoted speech yields nothing. Each
/// remaining sentence is cut into clauses ("I'm Alex, I live in Lisbon and I work as a nurse"), a clause
/// with a negation yields nothing (unless it is a "don't like/eat" statement), and the first pattern in
/// <see cref="FactPatterns"/> matching the whole clause decides it. Statements about other people
/// ("my friend's name is Sam") match no pattern.</summary>
public static partial class FactRules
{
    /// <summary>The facts stated in one owner message, in order, without repeats; of two facts with the
    /// same key, the later one is kept.</summary>
    public static IReadOnlyList<StatedFact> Extract(string ownerMessage)
    {
        ArgumentNullException.ThrowIfNull(ownerMessage);
        var facts = new List<StatedFact>();
        var text = ownerMessage.Replace('’', '\'').Replace('‘', '\'');
        foreach (var sentence in SentenceBreak().Split(text))
        {
            var trimmed = Filler().Replace(sentence.Trim(), "");
            if (trimmed.Length == 0 || trimmed.EndsWith('?') || QuestionStart().IsMatch(trimmed) ||
                Hypothetical().IsMatch(trimmed) || Reported().IsMatch(trimmed))
            {
                continue;
            }
            foreach (var part in ClauseBreak().Split(trimmed))
            {
                var clause = Filler().Replace(part.Trim().TrimEnd('.', '!', ';', ':', ',', '…'), "").Trim();
                if (Read(clause) is { } fact)
                {
                    facts.RemoveAll(f => (fact.Key is not null && f.Key == fact.Key) ||
                                         string.Equals(f.Text, fact.Text, StringComparison.OrdinalIgnoreCase));
                    facts.Add(fact);
                }
            }
        }
        return facts;
    }

    private static StatedFact? Read(string clause)
    {
        if (clause.Length == 0)
        {
            return null;
        }
        var negated = Negation().IsMatch(clause);
        foreach (var pattern in FactPatterns.All)
        {
            var match = pattern.Clause.Match(clause);
            if (match.Success)
            {
                var text = negated && !pattern.Negative ? null : pattern.Phrase(match);
                return text is null ? null : new StatedFact(text, pattern.Key);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\b(?:not|never|no|nobody|nothing|neither|nor|cannot|no longer)\b|n't\b", RegexOptions.IgnoreCase)]
    internal static partial Regex Negation();

    [GeneratedRegex(@"(?<=[.!?…])\s+|[\r\n]+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s*[,;]\s*(?:(?:and|but|so|also)\s+)?(?=(?:i|i'm|i am|my\s+(?:[\w-]+\s+){0,2}(?:is|are)|my\s+[\w-]+'s|(?:you can )?call me)\b)|\s+(?:and|but|so)\s+(?=(?:i|i'm|i am|my\s+(?:[\w-]+\s+){0,2}(?:is|are)|my\s+[\w-]+'s|(?:you can )?call me)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?:(?:hi|hello|hey|well|so|oh|ok|okay|also|and|but|actually|btw|by the way|fyi|fwiw|just so you know|just to let you know|for the record|for your information|remember that|remember|please remember that|note that|please note that|anyway|anyways|yes|yeah|yep|no|timmy)\b[\s,!:.\-]*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    [GeneratedRegex(@"^(?:what|who|whom|whose|where|when|why|how|which|do|does|did|is|are|am|was|were|can|could|would|should|will|shall|may|have|has|had|tell|guess)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"\b(?:if|unless|were|would|could|might|should|whether|wish|suppose|supposing|imagine|pretend|hypothetically|maybe|perhaps|probably|possibly|not sure|unsure|let's say|lets say|i think|i guess|i believe|i feel like|sometimes|someday|one day)\b|'d\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hypothetical();

    [GeneratedRegex(@"\b(?:said|says|say|saying|told|tells|tell|telling|asked|asks|claim|claims|claimed|according to|wrote|writes|quote|quoting)\b|[""“”«»]|(?:^|\s)'", RegexOptions.IgnoreCase)]
    private static partial Regex Reported();
}
