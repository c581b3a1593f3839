using System.Text.RegularExpressions;

namespace Timmy.Core.SelfModify;

/// <summary>Chooses the files the model is shown: the ones the owner gave; else the ones the instruction names (by path
/// or by file name); else the allowed files that share the most words with the instruction, by path (weighted) and by
/// content. Written by hand: a plain word-overlap score is all this needs, and it explains itself in the run's steps.</summary>
public static partial class TargetFilePicker
{
    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "for", "that", "this", "with", "from", "into", "make", "makes", "should", "would", "could", "please",
        "add", "change", "update", "file", "files", "code", "use", "when", "then", "than", "there", "their", "have", "has",
        "are", "was", "were", "will", "not", "but", "all", "any", "each", "its", "our", "your", "can", "new", "also",
        "about", "write", "some", "more", "less", "what", "which", "how", "why", "does", "doing",
    ];

    /// <param name="candidates">Every file of the base commit that a change may touch (allowed, text, small enough).</param>
    /// <param name="read">The text of a candidate.</param>
    public static IReadOnlyList<string> Pick(string instruction, IReadOnlyList<string> given, IReadOnlyList<string> candidates, Func<string, string?> read, int max)
    {
        if (given.Count > 0)
        {
            return given.Distinct().Take(max).ToList();
        }
        var named = candidates.Where(path => Named(instruction, path)).Take(max).ToList();
        if (named.Count > 0)
        {
            return named;
        }
        var words = Words(instruction);
        if (words.Count == 0)
        {
            return [];
        }
        return candidates
            .Select(path => (Path: path, Score: Score(words, path, read(path) ?? "")))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Path, StringComparer.Ordinal)
            .Take(max).Select(c => c.Path).ToList();
    }

    internal static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3 && !StopWords.Contains(w)).Distinct().ToList();

    private static bool Named(string instruction, string path)
    {
        var name = Path.GetFileName(path);
        return Mentions(instruction, path) || (name.Contains('.') && Mentions(instruction, name));
    }

    private static bool Mentions(string text, string token)
    {
        var at = text.IndexOf(token, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + token.Length >= text.Length ? ' ' : text[at + token.Length];
            if (!IsPathChar(before) && (!IsPathChar(after) || after == '.'))
            {
                return true;
            }
            at = text.IndexOf(token, at + 1, StringComparison.Ordinal);
        }
        return false;
    }

    private static bool IsPathChar(char c) => char.IsLetterOrDigit(c) || c is '/' or '_' or '-' or '.';

    private static int Score(IReadOnlyList<string> words, string path, string content)
    {
        var lowerPath = path.ToLowerInvariant();
        var lowerContent = content.ToLowerInvariant();
        var score = 0;
        foreach (var word in words)
        {
            if (lowerPath.Contains(word, StringComparison.Ordinal))
            {
                score += 5;
            }
            score += Math.Min(Occurrences(lowerContent, word), 5);
        }
        return score;
    }

    private static int Occurrences(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0 && count < 5; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [GeneratedRegex("[a-z0-9_]+")]
    private static partial Regex WordPattern();
}
