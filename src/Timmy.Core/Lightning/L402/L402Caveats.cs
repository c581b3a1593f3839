using System.Globalization;

namespace Timmy.Core.Lightning.L402;

/// <summary>The first-party caveats of an L402 token, in aperture's <c>condition=value</c> form: <c>services=</c> a
/// comma-separated list of <c>service:tier</c>, <c>&lt;service&gt;_capabilities=</c> the routes it opens, and
/// <c>&lt;service&gt;_valid_until=</c> its expiry in unix seconds. A holder may add more of these to narrow a token;
/// every caveat must hold, and one this server does not know fails the token.</summary>
public static class L402Caveats
{
    public const string ServicesCondition = "services";
    public const string CapabilitiesSuffix = "_capabilities";
    public const string ValidUntilSuffix = "_valid_until";

    public static IReadOnlyList<string> For(string service, string tier, IEnumerable<string> capabilities, DateTimeOffset validUntil) =>
    [
        $"{ServicesCondition}={service}:{tier}",
        $"{service}{CapabilitiesSuffix}={string.Join(',', capabilities)}",
        $"{service}{ValidUntilSuffix}={validUntil.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}",
    ];

    /// <summary>Why the caveats do not let this request through, or null when every one holds.</summary>
    public static string? Refusal(IEnumerable<MacaroonCaveat> caveats, string service, string capability, DateTimeOffset now)
    {
        foreach (var caveat in caveats)
        {
            var text = caveat.Text;
            var equals = text.IndexOf('=');
            if (equals <= 0)
            {
                return $"The token has a caveat that is not 'condition=value': '{Shorten(text)}'.";
            }
            var (condition, value) = (text[..equals].Trim(), text[(equals + 1)..].Trim());
            var refusal = condition switch
            {
                ServicesCondition => Services(value).Contains(service)
                    ? null : $"The token is not for the '{service}' service.",
                _ when condition == service + CapabilitiesSuffix => List(value).Contains(capability)
                    ? null : $"The token does not open {capability}.",
                _ when condition == service + ValidUntilSuffix => ValidUntil(value) is { } until
                    ? now < until ? null : $"The token expired at {until:u}."
                    : "The token's expiry caveat is not a unix time.",
                _ => $"The token has a caveat this server does not know: '{Shorten(condition)}'.",
            };
            if (refusal is not null)
            {
                return refusal;
            }
        }
        return null;
    }

    private static IEnumerable<string> Services(string value) => List(value).Select(s => s.Split(':')[0]);

    private static List<string> List(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static DateTimeOffset? ValidUntil(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253_402_300_800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
