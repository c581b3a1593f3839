using Timmy.Core.Security;

namespace Timmy.Core.Lightning.L402;

/// <summary>One priced route (<c>Timmy:Lightning:L402:Routes:N</c>): a method and an exact path, or a prefix ending in
/// <c>/*</c>; what a token for it costs, either flat (<see cref="PriceSats"/>) or for <see cref="PrepaidTokens"/> model
/// tokens at <see cref="PricePer1000TokensSats"/>; and the scope an owner's API token needs to pass without paying.</summary>
public sealed class L402RouteOptions
{
    public const string DefaultTier = "standard";
    public const string WildcardSuffix = "/*";

    public string Method { get; set; } = "POST";

    public string Path { get; set; } = "";

    public long PriceSats { get; set; }

    public string Tier { get; set; } = DefaultTier;

    /// <summary>When set, the route is priced per model token: a token covers <see cref="PrepaidTokens"/> of them.</summary>
    public long? PricePer1000TokensSats { get; set; }

    public long PrepaidTokens { get; set; } = 10_000;

    /// <summary>The owner's API tokens with this scope (and the owner's cookie) use the route without paying.</summary>
    public string OwnerScope { get; set; } = ApiScopes.Chat;

    public bool IsPerToken => PricePer1000TokensSats is not null;

    /// <summary>What one L402 token for this route costs: the flat price, or the prepaid tokens' price rounded up.</summary>
    public long TokenPriceSats => PricePer1000TokensSats is { } per1000
        ? (PrepaidTokens * per1000 + 999) / 1000
        : PriceSats;

    /// <summary>How the route is named in a token's capabilities caveat: <c>POST /api/v1/serve/chat</c>.</summary>
    public string Capability => $"{Method.ToUpperInvariant()} {Path}";

    public bool Matches(string method, string path) =>
        string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) &&
        (Path.EndsWith(WildcardSuffix, StringComparison.Ordinal)
            ? path.StartsWith(Path[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(path.TrimEnd('/'), Path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
