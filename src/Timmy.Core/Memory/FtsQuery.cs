using System.Text.RegularExpressions;

namespace Timmy.Core.Memory;

/// <summary>
/// Turns what a user typed into an FTS5 MATCH expression that can never be a syntax error: the text's words (letters
/// and digits only) each become a quoted string, joined by OR, so operators, quotes, colons, carets and stars in the
/// query are plain text. BM25 then ranks entries with more and rarer words higher. <see cref="Terms"/> are the words,
/// lower-cased, for highlighting; common
/// words ("the", "is") are left out when the query has others.
/// </summary>
public sealed partial class FtsQuery
{
    public const int MaxTerms = 32;

    private FtsQuery(IReadOnlyList<string> terms) => Terms = terms;

    public IReadOnlyList<string> Terms { get; }

    /// <summary>The MATCH expression, or null when the text has no words to look for.</summary>
    public string? Match => Terms.Count == 0 ? null : string.Join(" OR ", Terms.Select(t => $"\"{t}\""));

    /// <summary>Common English words that would match nearly every entry; left out unless the query has nothing else.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "did", "do", "does", "for", "from", "had", "has", "have",
        "how", "i", "if", "in", "is", "it", "its", "me", "my", "of", "on", "or", "so", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "to", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will",
        "with", "you", "your",
    };

    public static FtsQuery From(string? text)
    {
        var words = Word().Matches(text ?? "").Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        var meaningful = words.Where(w => !StopWords.Contains(w)).ToList();
        return new((meaningful.Count > 0 ? meaningful : words).Take(MaxTerms).ToList());
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
