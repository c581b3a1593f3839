namespace Timmy.Web.Cli;

/// <summary>The words of a client verb split into positional words, options that take a value (<c>--max-bid 50</c>,
/// <c>--max-bid=50</c>, repeatable) and flags (<c>--wait</c>). An unknown option, or one missing its value, is an error
/// naming it.</summary>
public sealed record CliOptions(IReadOnlyList<string> Words, IReadOnlyDictionary<string, IReadOnlyList<string>> Values, IReadOnlySet<string> Flags)
{
    public string? Value(string option) => Values.TryGetValue(option, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string option) => Values.TryGetValue(option, out var values) ? values : [];

    public bool Has(string flag) => Flags.Contains(flag);

    public static (CliOptions? Options, string? Error) Parse(IReadOnlyList<string> arguments, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var words = new List<string>();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument == "--")
            {
                words.Add(argument);
                continue;
            }
            var (name, inline) = argument.IndexOf('=') is var eq and > 0 ? (argument[..eq], argument[(eq + 1)..]) : (argument, null);
            if (flags.Contains(name) && inline is null)
            {
                set.Add(name);
            }
            else if (!valued.Contains(name))
            {
                return (null, $"Unknown option '{name}'.");
            }
            else if ((inline ?? (i + 1 < arguments.Count ? arguments[++i] : null)) is { } value)
            {
                (values.TryGetValue(name, out var list) ? list : values[name] = []).Add(value);
            }
            else
            {
                return (null, $"Option '{name}' needs a value.");
            }
        }
        return (new CliOptions(words, values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value), set), null);
    }
}
