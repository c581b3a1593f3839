using System.Text.RegularExpressions;

namespace Timmy.Core.Memory.Facts;

/// <summary>One way of stating a fact: a pattern matched against a whole clause ("i live in (?&lt;v&gt;.+)"),
/// the key it fills, and how the match becomes the third-person text (null refuses the value).
/// <see cref="Negative"/> patterns state a negation themselves ("I don't eat meat"), so a "not" in the
/// clause does not refuse them.</summary>
internal sealed record FactPattern(Regex Clause, string? Key, Func<Match, string?> Phrase, bool Negative = false)
{
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    public static FactPattern Of(string pattern, string? key, Func<Match, string?> phrase, bool negative = false) =>
        new(new Regex("^" + pattern + "$", Options), key, phrase, negative);
}
