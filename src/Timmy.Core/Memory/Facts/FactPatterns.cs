using System.Text.RegularExpressions;

namespace Timmy.Core.Memory.Facts;

/// <summary>The table of statements <see cref="FactRules"/> recognises, most specific first: the first
/// pattern that matches a clause decides it, so "I'm allergic to …" is never read as a name.</summary>
internal static class FactPatterns
{
    private const string Am = @"(?:i'm|i am)";
    private const string Adverb = @"(?:(?:also|really|actually|currently|now|still|mostly|usually|definitely|absolutely|totally|just|much)\s+)?";

    public static readonly IReadOnlyList<FactPattern> All =
    [
        FactPattern.Of(@"my (?:first |full |real )?name(?:'s| is) (?<v>.+)", FactKeys.Name,
            m => Say("The owner's name is {0}.", FactValue.Name(V(m), strict: false))),
        FactPattern.Of(@"(?:you can |please |just )?call me (?<v>.+?)(?:,? please)?", FactKeys.Name,
            m => Say("The owner wants to be called {0}.", FactValue.Name(V(m), strict: false))),
        FactPattern.Of($@"(?:i {Adverb}(?:live|reside|stay) in|{Am} {Adverb}(?:living|based|located|staying) in|i(?:'ve| have)? {Adverb}moved to) (?<v>.+)",
            FactKeys.Location, m => Say("The owner lives in {0}.", FactValue.Place(V(m)))),
        FactPattern.Of($@"(?:{Am}|i come) {Adverb}from (?<v>.+)", null,
            m => Say("The owner is from {0}.", FactValue.Place(V(m)))),
        FactPattern.Of($@"(?:i {Adverb}work as|{Am} {Adverb}(?:employed|working) as) (?<v>.+)", FactKeys.Occupation,
            m => Say("The owner works as {0}.", FactValue.Phrase(V(m), maxWords: 8))),
        FactPattern.Of(@"my (?:job|occupation|profession) is (?<v>.+)", FactKeys.Occupation,
            m => Say("The owner's occupation is {0}.", FactValue.Phrase(V(m), maxWords: 8))),
        FactPattern.Of($@"{Am} {Adverb}(?:very |severely |mildly )?allergic to (?<v>.+)", null,
            m => Say("The owner is allergic to {0}.", FactValue.Phrase(V(m), maxWords: 8))),
        FactPattern.Of($@"{Am} {Adverb}(?:an? )?(?<v>vegetarian|vegan|pescatarian|pescetarian|lactose[- ]intolerant|gluten[- ]intolerant|diabetic|coeliac|celiac|teetotal|teetotaller|teetotaler)",
            null, m => Say("The owner is {0}.", V(m).ToLowerInvariant())),
        FactPattern.Of($@"{Am} (?<v>\d{{1,3}}) (?:years old|years of age|years|yo)", null,
            m => Say("The owner is {0} years old.", V(m))),
        FactPattern.Of($@"{Am} {Adverb}(?<v>an? .+?)(?: by (?:profession|trade))?", FactKeys.Occupation,
            m => Say("The owner is {0}.", FactValue.Job(V(m)))),
        FactPattern.Of(@"my (?:birthday|bday|b-day|date of birth|birth date|birthdate) is (?:on )?(?<v>.+)", FactKeys.Birthday,
            m => Say("The owner's birthday is {0}.", FactValue.Date(V(m)))),
        FactPattern.Of(@"i was born (?<p>on|in) (?<v>.+)", FactKeys.Birthday,
            m => Say("The owner was born " + m.Groups["p"].Value.ToLowerInvariant() + " {0}.", FactValue.Date(V(m)))),
        FactPattern.Of($@"(?:my (?:time ?zone|tz) is|{Am} in the (?<v2>.+?) time ?zone)(?: (?<v>.+))?", FactKeys.Timezone,
            m => Say("The owner's time zone is {0}.", FactValue.Phrase(m.Groups["v2"].Success ? m.Groups["v2"].Value : V(m), maxWords: 4))),
        FactPattern.Of(@"(?:my pronouns are|i (?:use|go by)) (?<v>.+?)(?: pronouns)?", FactKeys.Pronouns,
            m => Say("The owner's pronouns are {0}.", FactValue.Pronouns(V(m)))),
        FactPattern.Of($@"i {Adverb}(?<verb>prefer|like|love|enjoy|adore|hate|dislike|detest|loathe) (?<v>.+)", null,
            m => Say("The owner " + ThirdPerson(m) + " {0}.", FactValue.Liked(V(m)))),
        FactPattern.Of($@"i {Adverb}(?:don't|do not) (?<verb>like|eat|drink|enjoy|smoke) (?<v>.+)", null,
            m => Say("The owner does not " + m.Groups["verb"].Value.ToLowerInvariant() + " {0}.", FactValue.Liked(V(m))),
            negative: true),
        FactPattern.Of(@"my (?:all[- ]time )?(?:favourite|favorite) (?<what>[a-z]+(?: [a-z]+){0,2}) (?:is|are) (?<v>.+)", null,
            m => Say("The owner's favourite " + m.Groups["what"].Value.ToLowerInvariant() + " is {0}.", FactValue.Liked(V(m)))),
        FactPattern.Of(@"i have (?<v>(?:a|an|one|two|three|four|five|\d) (?:[a-z]+ )?(?:(?:dog|cat|parrot|rabbit|hamster|horse|puppy|kitten|kid|son|daughter|brother|sister|husband|wife|partner|boyfriend|girlfriend|twin)s?|fish|child|children)(?: (?:named|called) .+)?)",
            null, m => Say("The owner has {0}.", FactValue.Phrase(V(m), maxWords: 8))),
        FactPattern.Of($@"i {Adverb}speak (?<v>.+)", null,
            m => Say("The owner speaks {0}.", FactValue.Languages(V(m)))),
        FactPattern.Of($@"{Am} (?<v>.+)", FactKeys.Name,
            m => Say("The owner's name is {0}.", FactValue.Name(V(m), strict: true))),
    ];

    private static string V(Match match) => match.Groups["v"].Value;

    private static string? Say(string template, string? value) => value is null ? null : string.Format(template, value);

    private static string ThirdPerson(Match match)
    {
        var lead = match.Value[..match.Groups["verb"].Index].Trim();
        var adverb = lead.Length > 1 ? lead[1..].Trim().ToLowerInvariant() + " " : "";
        var verb = match.Groups["verb"].Value.ToLowerInvariant();
        return adverb + verb + "s";
    }
}
