using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Timmy.Web.Components.Upgrades.Diff;

/// <summary>Light syntax colouring for the diff view: a small hand-written highlighter, not a parser. By the file's
/// extension it knows a language's keywords, its line-comment marker and its quotes, and colours one line at a time
/// (so a block comment or string spanning lines is coloured on its first line only). Unknown extensions stay plain.
/// The text is returned as tokens, never as markup: Razor encodes it.</summary>
public static partial class SyntaxHighlighter
{
    private sealed record Language(string LineComment, FrozenSet<string> Keywords);

    private static readonly Language CLike = new("//", Words(
        "abstract as async await base bool break case catch class const continue default delegate do double else enum event export extends false finally for foreach function if implements import in init int interface internal is let long namespace new null object override private protected public readonly record required return sealed static string struct switch this throw true try typeof using var void while with yield"));

    private static readonly Language Shell = new("#", Words(
        "if then else elif fi for while until do done case esac in function return local export set echo exit"));

    private static readonly Language Python = new("#", Words(
        "and as assert async await break class continue def del elif else except False finally for from global if import in is lambda None not or pass raise return True try while with yield"));

    private static readonly FrozenDictionary<string, Language> ByExtension = new Dictionary<string, Language>(StringComparer.OrdinalIgnoreCase)
    {
        [".cs"] = CLike, [".js"] = CLike, [".mjs"] = CLike, [".ts"] = CLike, [".java"] = CLike, [".go"] = CLike, [".rs"] = CLike,
        [".c"] = CLike, [".h"] = CLike, [".cpp"] = CLike, [".razor"] = CLike, [".css"] = CLike,
        [".sh"] = Shell, [".bash"] = Shell, [".py"] = Python, [".yml"] = Shell with { Keywords = [] }, [".yaml"] = Shell with { Keywords = [] },
        [".toml"] = Shell with { Keywords = [] },
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<SyntaxToken> Tokens(string path, string line)
    {
        if (!ByExtension.TryGetValue(Path.GetExtension(path), out var language) || line.Length == 0)
        {
            return [new SyntaxToken(SyntaxToken.Plain, line)];
        }
        var tokens = new List<SyntaxToken>();
        var plainStart = 0;
        foreach (Match match in Piece().Matches(line))
        {
            var kind = KindOf(match.Value, language);
            if (kind is null)
            {
                continue;
            }
            if (match.Index > plainStart)
            {
                tokens.Add(new SyntaxToken(SyntaxToken.Plain, line[plainStart..match.Index]));
            }
            if (kind == SyntaxToken.Comment)
            {
                tokens.Add(new SyntaxToken(kind, line[match.Index..]));
                return tokens;
            }
            tokens.Add(new SyntaxToken(kind, match.Value));
            plainStart = match.Index + match.Length;
        }
        if (plainStart < line.Length)
        {
            tokens.Add(new SyntaxToken(SyntaxToken.Plain, line[plainStart..]));
        }
        return tokens;
    }

    private static string? KindOf(string piece, Language language)
    {
        if (piece.StartsWith(language.LineComment, StringComparison.Ordinal) || piece.StartsWith("/*", StringComparison.Ordinal) && language == CLike)
        {
            return SyntaxToken.Comment;
        }
        return piece[0] switch
        {
            '"' or '\'' or '`' => SyntaxToken.String,
            >= '0' and <= '9' => SyntaxToken.Number,
            _ when language.Keywords.Contains(piece) => SyntaxToken.Keyword,
            _ => null,
        };
    }

    private static FrozenSet<string> Words(string words) => words.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A quoted string (with escapes), a comment opener, a number, or a word.</summary>
    [GeneratedRegex("""
        "(?:\\.|[^"\\])*"?|'(?:\\.|[^'\\])*'?|`[^`]*`?|//|/\*|\#|\b\d[\d_.xXa-fA-F]*\b|[A-Za-z_][A-Za-z0-9_]*
        """)]
    private static partial Regex Piece();
}
