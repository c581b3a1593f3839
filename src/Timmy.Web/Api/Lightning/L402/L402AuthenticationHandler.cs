using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Timmy.Core.Lightning.L402;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>The way into a priced route (the app's cookie-or-bearer scheme forwards here for those routes only, unless
/// the request carries a bearer token). <c>Authorization: L402 …</c> is checked by <see cref="L402Service"/>: a valid
/// token signs the client in with the route's owner scope, for this request and route alone, and leaves an
/// <see cref="L402Grant"/>; without one the owner's cookie is tried. The challenge is the L402 one: 402 with a fresh
/// token and invoice (rate limited per address), or 401 for a credential that is not L402 at all.</summary>
public sealed class L402AuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    L402Service l402,
    L402ChallengeLimiter limiter) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "L402";
    public const string TokenIdClaim = "l402_token";

    private L402Verification? _verification;
    private bool _ledgerFailed;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (!L402Credential.IsL402(header))
        {
            return await Context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        try
        {
            _verification = await l402.VerifyAsync(header, Request.Method, Request.Path, Context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The ledger could not tell whether an L402 token is paid.");
            _ledgerFailed = true;
            return AuthenticateResult.Fail("The Lightning ledger could not be reached.");
        }
        if (_verification.Token is not { } token)
        {
            return AuthenticateResult.Fail(_verification.Failure!);
        }
        var route = l402.Options.FindRoute(Request.Method, Request.Path)!;
        var principal = OwnerPrincipal.Create(SchemeName, "l402", [route.OwnerScope], "l402:" + token.TokenId[..16]);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(TokenIdClaim, token.TokenId));
        Context.Features.Set(new L402Grant(token));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        if (_verification is { IsMalformed: true })
        {
            await L402Problems.MalformedAsync(Context, _verification.Failure!);
            return;
        }
        if (_ledgerFailed || l402.Options.FindRoute(Request.Method, Request.Path) is not { } route)
        {
            await L402Problems.LedgerUnavailableAsync(Context);
            return;
        }
        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limiter.TryTake(client, out var retryAfter))
        {
            await L402Problems.TooManyChallengesAsync(Context, retryAfter);
            return;
        }
        L402Challenge challenge;
        try
        {
            challenge = await l402.IssueChallengeAsync(route, client, Context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The ledger could not create an L402 invoice.");
            await L402Problems.LedgerUnavailableAsync(Context);
            return;
        }
        var offer = $"{route.Capability} costs {challenge.AmountSats} sats: pay the invoice, then send " +
                    $"'Authorization: {L402Credential.Scheme} <macaroon>:<preimage>'.";
        await L402Problems.PaymentRequiredAsync(Context, challenge,
            _verification?.Failure is { } failure ? $"{failure} A new token is offered: {offer}" : offer);
    }
}
