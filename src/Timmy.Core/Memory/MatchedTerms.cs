using System.Text.RegularExpressions;

namespace Timmy.Core.Memory;

/// <summary>The words of an entry that match a query's words the way the Porter-stemmed full-text index does, near
/// enough for highlighting: a word matches a term when they share a prefix of the shorter's length minus a suffix
/// allowance ("paying" and "payment" both match "pay").</summary>
public static partial class MatchedTerms
{
    public static IReadOnlyList<string> In(string content, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return [];
        }
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match word in Word().Matches(content))
        {
            var lower = word.Value.ToLowerInvariant();
            if (!seen.Contains(lower) && terms.Any(t => Matches(lower, t)))
            {
                seen.Add(lower);
                found.Add(word.Value);
            }
        }
        return found;
    }

    private static bool Matches(string word, string term)
    {
        var stem = Stem(term);
        return word.StartsWith(stem, StringComparison.Ordinal) && word.Length - stem.Length <= 4 && Stem(word).Length >= Math.Min(stem.Length, 3);
    }

    private static string Stem(string word) =>
        word.Length <= 4 ? word
        : word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3]
        : word.EndsWith("es", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith('s') || word.EndsWith('e') || word.EndsWith('y') ? word[..^1]
        : word;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
