using System.Text.RegularExpressions;

namespace Timmy.Web.Components.Memory;

/// <summary>An entry's text cut into plain and matched pieces, for <c>&lt;mark&gt;</c>: the page writes each piece as
/// text (Razor encodes it), so no stored content is ever read as markup. A long text is cut to a window around its first
/// match.</summary>
public static partial class TextHighlight
{
    public readonly record struct Piece(string Text, bool Matched);

    public static IReadOnlyList<Piece> Pieces(string content, IReadOnlyCollection<string> matched, int? window = null)
    {
        var (text, prefix, suffix) = Window(content, matched, window);
        var pieces = new List<Piece>();
        if (prefix)
        {
            pieces.Add(new("…", false));
        }
        var terms = new HashSet<string>(matched, StringComparer.OrdinalIgnoreCase);
        var at = 0;
        foreach (Match word in Word().Matches(text))
        {
            if (terms.Contains(word.Value))
            {
                if (word.Index > at)
                {
                    pieces.Add(new(text[at..word.Index], false));
                }
                pieces.Add(new(word.Value, true));
                at = word.Index + word.Length;
            }
        }
        if (at < text.Length)
        {
            pieces.Add(new(text[at..], false));
        }
        if (suffix)
        {
            pieces.Add(new("…", false));
        }
        return pieces;
    }

    private static (string Text, bool Prefix, bool Suffix) Window(string content, IReadOnlyCollection<string> matched, int? window)
    {
        if (window is not { } size || content.Length <= size)
        {
            return (content, false, false);
        }
        var first = matched.Count == 0 ? -1 : Word().Matches(content).FirstOrDefault(w => matched.Contains(w.Value, StringComparer.OrdinalIgnoreCase))?.Index ?? -1;
        var start = first < size / 3 ? 0 : Math.Min(first - size / 4, content.Length - size);
        start = WordStart(content, start);
        var end = Math.Min(content.Length, start + size);
        return (content[start..end], start > 0, end < content.Length);
    }

    /// <summary>Moves forward to the start of a word, so a cut never starts mid-word.</summary>
    private static int WordStart(string content, int start)
    {
        if (start <= 0)
        {
            return 0;
        }
        var space = content.IndexOf(' ', start);
        return space < 0 || space - start > 20 ? start : space + 1;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
