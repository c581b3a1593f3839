using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Events;
using Timmy.Core.Security;

namespace Timmy.Web.Auth;

/// <summary>The ways in and out: the one-time start-up link, the password form, sign-out.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/start", RedeemStartupLinkAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.LoginRateLimit).ExcludeFromDescription();
        app.MapPost("/logout", (Func<HttpContext, Task<RedirectHttpResult>>)LogoutAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> RedeemStartupLinkAsync(
        [FromQuery] string? token, HttpContext context, StartupSignInLink link, IEventLog events)
    {
        if (!link.TryRedeem(token))
        {
            if (await IsSignedInAsync(context))
            {
                // An old link opened again from the terminal's history by the owner who is already in.
                return TypedResults.Redirect("/");
            }
            await events.LogAsync(EventType.AuthSignInFailed, "auth", data: new { method = "startup_link", remote = RemoteAddress(context) });
            return TypedResults.Redirect("/login?error=link");
        }
        await SignInOwnerAsync(context, "startup_link", events);
        return TypedResults.Redirect("/");
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string? password, [FromForm] string? returnUrl, HttpContext context, OwnerPasswordService passwords, IEventLog events)
    {
        if (!await passwords.IsConfiguredAsync(context.RequestAborted))
        {
            return TypedResults.Redirect("/login?error=nopassword");
        }
        if (string.IsNullOrEmpty(password) || !await passwords.VerifyAsync(password, context.RequestAborted))
        {
            await events.LogAsync(EventType.AuthSignInFailed, "auth", data: new { method = "password", remote = RemoteAddress(context) });
            return TypedResults.Redirect("/login?error=invalid" + (IsLocal(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl!) : ""));
        }
        await SignInOwnerAsync(context, "password", events);
        return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static async Task<RedirectHttpResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/login?signedOut=1");
    }

    private static async Task SignInOwnerAsync(HttpContext context, string method, IEventLog events)
    {
        var principal = OwnerPrincipal.Create(CookieAuthenticationDefaults.AuthenticationScheme, method, [ApiScopes.All]);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        await events.LogAsync(EventType.AuthSignedIn, "auth", data: new { method, remote = RemoteAddress(context) });
    }

    /// <summary>Whether the request carries the owner's sign-in cookie (an API token does not count).</summary>
    public static async Task<bool> IsSignedInAsync(HttpContext context) =>
        (await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme)).Succeeded;

    private static string RemoteAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
