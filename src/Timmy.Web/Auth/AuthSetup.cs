using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Timmy.Core.Security;
using Timmy.Core.Storage;
using Timmy.Web.Hosting;

namespace Timmy.Web.Auth;

/// <summary>Sign-in and protection: every endpoint needs the owner unless it says <c>AllowAnonymous</c>.
/// Pages and forms take only the owner's sign-in cookie; API groups, the feed and <c>/metrics</c> say which
/// scope they need and take the cookie or an API token that carries it; login is rate limited.</summary>
public static class AuthSetup
{
    public const string SmartScheme = "cookie-or-bearer";
    public const string LoginRateLimit = "login";
    public const string CookieName = "timmy.auth";

    /// <summary>The signed-in owner by any way in: the cookie or an API token of any scope.</summary>
    public const string AnyOwnerPolicy = "owner";

    public static string PolicyFor(string scope) => "scope:" + scope;

    public static IServiceCollection AddTimmyAuth(this IServiceCollection services)
    {
        services.AddSecurityCore();
        // Cookie keys live in <data-dir>/keys (owner-only permissions) so sign-ins survive a restart.
        services.AddDataProtection().SetApplicationName("timmy");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((o, storage, loggers) =>
        {
            var keys = Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "keys");
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(keys);
            }
            else
            {
                Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(keys), loggers);
        });

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/login";
                o.Events.OnRedirectToLogin = c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => RedirectOrStatus(c, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        services.AddAuthorization(o =>
        {
            // A token is for scripts, not for browsing: were pages to take one, a token of any scope could use
            // every form (create an all-powers token, delete conversations) with the antiforgery token the page hands out.
            o.FallbackPolicy = new AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build();
            o.AddPolicy(AnyOwnerPolicy, p => p.AddAuthenticationSchemes(SmartScheme).RequireAuthenticatedUser());
            foreach (var (scope, _) in ApiScopes.Catalogue)
            {
                o.AddPolicy(PolicyFor(scope), p => p
                    .AddAuthenticationSchemes(SmartScheme)
                    .RequireAuthenticatedUser()
                    .AddRequirements(new ScopeRequirement(scope)));
            }
        });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeRefusal>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddAntiforgery(o => o.Cookie.Name = "timmy.csrf");
        return services;
    }

    /// <summary>Requires the owner with <paramref name="scope"/> (API tokens must carry it).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PolicyFor(scope));

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (MachinePaths.Contains(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
