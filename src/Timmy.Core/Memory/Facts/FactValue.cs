using System.Globalization;
using System.Text.RegularExpressions;

namespace Timmy.Core.Memory.Facts;

/// <summary>Checks and rewrites the value part of a stated fact ("Alex", "dark roast coffee", "3 May") for
/// <see cref="FactRules"/>: each method returns the value as the fact should say it, or null to refuse.</summary>
internal static partial class FactValue
{
    private const int MaxChars = 100;

    /// <summary>A name of one to three name-like words, followed by nothing or by punctuation ("Alex, nice to
    /// meet you"). Strict: the first word must be capitalised (after "I'm"); otherwise a lone lower-case word
    /// is accepted and capitalised ("my name is alex").</summary>
    public static string? Name(string raw, bool strict)
    {
        var match = NamePattern().Match(raw.Trim());
        if (!match.Success || !NameEnd().IsMatch(match.Groups["rest"].Value))
        {
            return null;
        }
        var words = match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => FactWords.NotNames.Contains(w) || w.EndsWith("'s", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var first = words[0];
        if (char.IsLower(first[0]))
        {
            if (strict || words.Length > 1 || match.Groups["rest"].Value.Trim().Length > 0)
            {
                return null;
            }
            words[0] = char.ToUpper(first[0], CultureInfo.InvariantCulture) + first[1..];
        }
        if (strict && words.Any(w => w.Length > 5 && w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return string.Join(' ', words);
    }

    /// <summary>A short phrase in the owner's words, turned to the third person ("my dog" → "their dog");
    /// null when empty, too long, negated, or still about "I".</summary>
    public static string? Phrase(string raw, int maxWords = 12)
    {
        var value = Spaces().Replace(raw.Trim().TrimEnd('.', '!', ',', ';', ':', '…').Trim(), " ");
        if (value.Length == 0 || value.Length > MaxChars || FactRules.Negation().IsMatch(value) ||
            FirstPerson().IsMatch(value) || value.Split(' ').Length > maxWords)
        {
            return null;
        }
        return Possessive().Replace(value, m => m.Value.ToLowerInvariant() switch
        {
            "my" => "their",
            "mine" => "theirs",
            "me" => "them",
            "myself" => "themself",
            var other => other,
        });
    }

    /// <summary>What the owner likes or dislikes: a phrase that is not about the conversation ("it", "you").</summary>
    public static string? Liked(string raw)
    {
        var value = Phrase(raw);
        if (value is null || FactWords.WeakObjects.Any(w =>
                value.StartsWith(w, StringComparison.OrdinalIgnoreCase) &&
                (value.Length == w.Length || !char.IsLetter(value[w.Length]))))
        {
            return null;
        }
        return value;
    }

    /// <summary>A place, capitalised after an optional "the" ("Lisbon", "the Netherlands").</summary>
    public static string? Place(string raw)
    {
        var value = Phrase(raw, maxWords: 6);
        var words = value?.Split(' ');
        if (words is null)
        {
            return null;
        }
        var head = words[0].Equals("the", StringComparison.OrdinalIgnoreCase) && words.Length > 1 ? words[1] : words[0];
        return char.IsUpper(head[0]) ? value : null;
    }

    /// <summary>A date: it must hold a digit or a month's name ("3 May", "1990-05-03"), so "tomorrow" is refused.</summary>
    public static string? Date(string raw)
    {
        var value = Phrase(raw, maxWords: 6);
        if (value is null)
        {
            return null;
        }
        var lower = value.ToLowerInvariant();
        var words = WordSplit().Split(lower);
        return value.Any(char.IsDigit) || words.Any(w => FactWords.Months.Contains(w)) ? value : null;
    }

    /// <summary>An occupation after "I'm": "a nurse", "an experienced software engineer".</summary>
    public static string? Job(string raw)
    {
        var value = Phrase(raw, maxWords: 5);
        var words = value?.Split(' ');
        if (words is null || words.Length < 2 || !FactWords.Occupations.Contains(words[^1]) ||
            words[1..^1].Any(FactWords.NotJobModifiers.Contains))
        {
            return null;
        }
        return value;
    }

    /// <summary>Pronouns written with slashes ("she/her", "they/them/theirs") or a lone "they".</summary>
    public static string? Pronouns(string raw)
    {
        var value = Phrase(raw, maxWords: 3);
        return value is not null && PronounPattern().IsMatch(value) ? Spaces().Replace(value, "") : null;
    }

    /// <summary>Languages: capitalised words joined by commas or "and" ("Portuguese and English").</summary>
    public static string? Languages(string raw)
    {
        var value = Phrase(raw, maxWords: 8);
        return value is not null && LanguageList().IsMatch(value) ? value : null;
    }

    [GeneratedRegex(@"^(?<name>[\p{L}][\p{L}'\-]*(?: [\p{Lu}][\p{L}'\-]*){0,2})(?<rest>.*)$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(?:\s*$|\s*[,;:!.\-–—]|\s+(?:here|btw|by the way|from now on|please)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NameEnd();

    [GeneratedRegex(@"\b(?:i|i'm|i'd|i've|i'll)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\b(?:my|mine|me|myself)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[^a-z]+")]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"^(?:[a-z]+(?:\s*/\s*[a-z]+){1,2}|they)$", RegexOptions.IgnoreCase)]
    private static partial Regex PronounPattern();

    [GeneratedRegex(@"^\p{Lu}\p{L}+(?:(?:,\s*|,?\s+and\s+)\p{Lu}\p{L}+)*(?: fluently)?$")]
    private static partial Regex LanguageList();
}
