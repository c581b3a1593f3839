using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Timmy.Core.Swarm.Personas;

/// <summary>Finds which keywords a task description mentions, as whole words and ignoring case: "CI" and "tests."
/// match <c>ci</c> and <c>tests</c>, "decide" does not match <c>ci</c>. A keyword's words match with any run of
/// spaces or hyphens between them ("fact check" matches "fact-check" and "Fact  check"). A word is a run of letters,
/// digits and underscores; <c>#</c> and <c>+</c> also bind to the word before them, so <c>c#</c> and <c>c++</c> match
/// "C#," and "c++." while <c>c</c> matches neither. Each keyword's pattern is compiled once and cached.</summary>
public static class KeywordMatcher
{
    private const int MaxCachedPatterns = 4096;
    private const string Before = @"(?<![\p{L}\p{N}_])";
    private const string After = @"(?![\p{L}\p{N}_#+])";
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The keywords <paramref name="description"/> mentions, each once, in the order of
    /// <paramref name="keywords"/>; blank keywords never match.</summary>
    public static IReadOnlyList<string> Match(string description, IReadOnlyList<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(keywords);
        var matched = new List<string>();
        foreach (var keyword in keywords)
        {
            if (!string.IsNullOrWhiteSpace(keyword)
                && !matched.Contains(keyword, StringComparer.OrdinalIgnoreCase)
                && PatternFor(keyword).IsMatch(description))
            {
                matched.Add(keyword);
            }
        }
        return matched;
    }

    private static Regex PatternFor(string keyword)
    {
        if (Patterns.TryGetValue(keyword, out var cached))
        {
            return cached;
        }
        var pattern = Compile(keyword);
        return Patterns.Count < MaxCachedPatterns ? Patterns.GetOrAdd(keyword, pattern) : pattern;
    }

    private static Regex Compile(string keyword)
    {
        var words = keyword.Split([' ', '\t', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        return new Regex(Before + string.Join(@"[\s\-]+", words) + After,
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
    }
}
