using System.Globalization;
using Timmy.Core.Lightning.L402;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>The answers of a priced route to a client without a valid token, as ProblemDetails: 402 with a challenge
/// (its <c>WWW-Authenticate</c> header and the same values in the body), 401 for a credential that is not an L402
/// credential at all, 429 with <c>Retry-After</c> when the client asked for too many challenges, 503 when the ledger
/// cannot be reached.</summary>
public static class L402Problems
{
    public const string PaymentRequiredType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.3";

    public static Task PaymentRequiredAsync(HttpContext context, L402Challenge challenge, string detail)
    {
        context.Response.Headers.WWWAuthenticate = challenge.WwwAuthenticate;
        return Results.Problem(detail, statusCode: StatusCodes.Status402PaymentRequired, title: "Payment required", type: PaymentRequiredType,
            extensions: new Dictionary<string, object?>
            {
                ["macaroon"] = challenge.Macaroon,
                ["invoice"] = challenge.Invoice,
                ["payment_hash"] = challenge.PaymentHash,
                ["amount_sats"] = challenge.AmountSats,
                ["expires_at"] = challenge.ExpiresAt,
            }).ExecuteAsync(context);
    }

    public static Task MalformedAsync(HttpContext context, string reason)
    {
        context.Response.Headers.WWWAuthenticate = L402Credential.Scheme;
        return Results.Problem(
            reason + $" Send 'Authorization: {L402Credential.Scheme} <base64 macaroon>:<hex preimage>', or no credential to get a challenge.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Malformed L402 credential").ExecuteAsync(context);
    }

    public static Task TooManyChallengesAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem($"Too many payment challenges from this address: try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context);
    }

    public static Task LedgerUnavailableAsync(HttpContext context) =>
        Results.Problem("The Lightning ledger could not be reached to issue or check a payment; try again shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Payments unavailable").ExecuteAsync(context);
}
