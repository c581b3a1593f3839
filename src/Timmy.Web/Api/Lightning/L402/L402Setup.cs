using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Timmy.Core.Lightning.L402;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>Registers L402 paid access in the host: the core (<c>AddL402()</c>), the challenge limiter, and the L402
/// authentication scheme, which the app's cookie-or-bearer scheme forwards to for exactly the priced routes when the
/// request has no bearer token (a bearer token keeps its own way in, and must carry the route's scope).</summary>
public static class L402Setup
{
    public static IServiceCollection AddL402Gate(this IServiceCollection services)
    {
        services.AddL402();
        services.AddSingleton<L402ChallengeLimiter>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, L402AuthenticationHandler>(L402AuthenticationHandler.SchemeName, null);
        services.AddOptions<PolicySchemeOptions>(AuthSetup.SmartScheme).PostConfigure<IOptionsMonitor<L402Options>>((scheme, l402) =>
        {
            var others = scheme.ForwardDefaultSelector;
            scheme.ForwardDefaultSelector = context => IsPriced(context, l402.CurrentValue)
                ? L402AuthenticationHandler.SchemeName
                : others?.Invoke(context) ?? CookieAuthenticationDefaults.AuthenticationScheme;
        });
        return services;
    }

    private static bool IsPriced(HttpContext context, L402Options options) =>
        !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && options.FindRoute(context.Request.Method, context.Request.Path) is not null;
}
