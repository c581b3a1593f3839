using System.Text.RegularExpressions;

namespace Timmy.Core.Router;

/// <summary>The shape of a provider name: short, lower-case, URL-safe.</summary>
public static partial class ProviderName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9_-]{1,40}$")]
    private static partial Regex Pattern();
}
