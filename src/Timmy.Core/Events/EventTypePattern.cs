using System.Text.RegularExpressions;

namespace Timmy.Core.Events;

/// <summary>A type filter: an exact type (<c>agent.joined</c>), a category prefix (<c>task.*</c>), or
/// <c>*</c> for everything. Used by queries and by feed subscriptions alike.</summary>
public sealed partial record EventTypePattern
{
    private EventTypePattern(string text, string? prefix)
    {
        Text = text;
        Prefix = prefix;
    }

    public string Text { get; }

    /// <summary>For a prefix pattern, the prefix including the dot (<c>task.</c>); null for exact types.</summary>
    public string? Prefix { get; }

    public bool IsAll => Text == "*";

    public bool Matches(string eventType) =>
        IsAll || (Prefix is null ? eventType == Text : eventType.StartsWith(Prefix, StringComparison.Ordinal));

    public static bool TryParse(string? text, out EventTypePattern pattern, out string error)
    {
        pattern = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "An event type filter must not be empty.";
            return false;
        }
        if (text == "*")
        {
            pattern = new EventTypePattern(text, "");
            error = "";
            return true;
        }
        if (text.EndsWith(".*", StringComparison.Ordinal) && CategoryShape().IsMatch(text[..^2]))
        {
            pattern = new EventTypePattern(text, text[..^1]);
            error = "";
            return true;
        }
        if (TypeShape().IsMatch(text))
        {
            pattern = new EventTypePattern(text, null);
            error = "";
            return true;
        }
        error = $"'{EventSanitizer.Text(text, 64)}' is not an event type or prefix: use a type such as 'task.created', " +
                "a category prefix such as 'task.*', or '*'.";
        return false;
    }

    /// <summary>Parses every pattern or returns the first error.</summary>
    /// <summary>Most different patterns one filter takes: more than the catalogue has types and categories, few enough
    /// that the SQL a filter becomes stays small (hundreds of alternatives once overflowed SQLite's expression depth).</summary>
    public const int MaxPatterns = 64;

    /// <summary>Parses a filter's patterns; repeats count once.</summary>
    public static bool TryParseAll(IEnumerable<string> texts, out IReadOnlyList<EventTypePattern> patterns, out string error)
    {
        var list = new List<EventTypePattern>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (!TryParse(text, out var one, out error))
            {
                patterns = [];
                return false;
            }
            if (seen.Add(one.Text))
            {
                list.Add(one);
            }
            if (list.Count > MaxPatterns)
            {
                patterns = [];
                error = $"At most {MaxPatterns} different types or patterns may be given at once; use a category pattern such as 'task.*'.";
                return false;
            }
        }
        patterns = list;
        error = "";
        return true;
    }

    public static bool MatchesAny(IReadOnlyList<EventTypePattern> patterns, string eventType) =>
        patterns.Count == 0 || patterns.Any(p => p.Matches(eventType));

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex CategoryShape();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}\\.[a-z][a-z0-9_.]{0,62}$")]
    private static partial Regex TypeShape();
}
