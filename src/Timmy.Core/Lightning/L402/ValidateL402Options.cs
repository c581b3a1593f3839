using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Timmy.Core.Security;

namespace Timmy.Core.Lightning.L402;

/// <summary>Refuses to start with L402 settings that cannot work, naming the key.</summary>
public sealed partial class ValidateL402Options : IValidateOptions<L402Options>
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public ValidateOptionsResult Validate(string? name, L402Options options)
    {
        var failures = new List<string>();
        const string prefix = L402Options.SectionName + ":";
        if (!Word().IsMatch(options.Service ?? ""))
        {
            failures.Add($"{prefix}Service must be 1-32 lower-case letters, digits, '-' or '_' (was '{options.Service}').");
        }
        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenLifetime > TimeSpan.FromDays(3650))
        {
            failures.Add($"{prefix}TokenLifetime must be more than zero and at most 3650 days (was {options.TokenLifetime}).");
        }
        if (options.InvoiceExpiry < TimeSpan.FromMinutes(1) || options.InvoiceExpiry > TimeSpan.FromDays(1))
        {
            failures.Add($"{prefix}InvoiceExpiry must be between one minute and one day (was {options.InvoiceExpiry}).");
        }
        if (options.ChallengesPerMinutePerClient is < 1 or > 10_000)
        {
            failures.Add($"{prefix}ChallengesPerMinutePerClient must be between 1 and 10000 (was {options.ChallengesPerMinutePerClient}).");
        }
        for (var i = 0; i < options.Routes.Count; i++)
        {
            ValidateRoute(options.Routes[i], $"{prefix}Routes:{i}:", failures);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateRoute(L402RouteOptions route, string prefix, List<string> failures)
    {
        if (!Methods.Contains(route.Method?.ToUpperInvariant()))
        {
            failures.Add($"{prefix}Method must be one of {string.Join(", ", Methods)} (was '{route.Method}').");
        }
        if (!RoutePath().IsMatch(route.Path ?? ""))
        {
            failures.Add($"{prefix}Path must start with '/' and may end in '/*' for a prefix; no spaces, commas or other '*' (was '{route.Path}').");
        }
        if (!Word().IsMatch(route.Tier ?? ""))
        {
            failures.Add($"{prefix}Tier must be 1-32 lower-case letters, digits, '-' or '_' (was '{route.Tier}').");
        }
        if (route.PricePer1000TokensSats is { } per1000)
        {
            if (per1000 is < 1 or > 1_000_000)
            {
                failures.Add($"{prefix}PricePer1000TokensSats must be between 1 and 1000000 (was {per1000}).");
            }
            if (route.PrepaidTokens is < 1 or > 100_000_000)
            {
                failures.Add($"{prefix}PrepaidTokens must be between 1 and 100000000 (was {route.PrepaidTokens}).");
            }
        }
        else if (route.PriceSats is < 1 or > 10_000_000)
        {
            failures.Add($"{prefix}PriceSats must be between 1 and 10000000 (was {route.PriceSats}), or set PricePer1000TokensSats.");
        }
        if (!ApiScopes.IsKnown(route.OwnerScope ?? ""))
        {
            failures.Add($"{prefix}OwnerScope must be a known API scope (was '{route.OwnerScope}').");
        }
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex Word();

    [GeneratedRegex(@"^/[^\s,*]*(/\*)?$")]
    private static partial Regex RoutePath();
}
