using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Timmy.Core.Lightning.L402;

/// <summary>L402 paid access: issues challenges (a token with its own root key, an invoice from the ledger, and the
/// macaroon binding the two), checks presented credentials, counts their use, and revokes and lists tokens. A failed
/// check is an answer with its reason, never an exception; only the ledger's own faults pass through.</summary>
public sealed class L402Service(IL402TokenStore store, IL402Ledger ledger, IOptionsMonitor<L402Options> options, TimeProvider time)
{
    public const int MaxListLimit = 500;
    private const int MaxClientLength = 64;
    private const int KeyLength = 32;

    public L402Options Options => options.CurrentValue;

    /// <summary>A fresh token for <paramref name="route"/>, unpaid until its invoice is.</summary>
    public async Task<L402Challenge> IssueChallengeAsync(L402RouteOptions route, string? client, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        var price = route.TokenPriceSats;
        var invoice = await ledger.CreateInvoiceAsync(
            price, $"L402 {settings.Service}:{route.Tier} {route.Capability}", settings.InvoiceExpiry, cancellationToken);
        if (invoice.PaymentHash.Length != L402Identifier.HashLength * 2 || !invoice.PaymentHash.All(Uri.IsHexDigit))
        {
            throw new InvalidOperationException("The ledger returned an invoice without a 32-byte hex payment hash.");
        }
        var now = time.GetUtcNow();
        var expires = now + settings.TokenLifetime;
        var rootKey = RandomNumberGenerator.GetBytes(KeyLength);
        var identifier = L402Identifier.Create(Convert.FromHexString(invoice.PaymentHash), RandomNumberGenerator.GetBytes(L402Identifier.TokenIdLength));
        var macaroon = MacaroonMinter.Mint(rootKey, identifier.Encode(), settings.Service,
            L402Caveats.For(settings.Service, route.Tier, [route.Capability], expires));
        var token = new L402Token(
            identifier.TokenIdHex, identifier.PaymentHashHex, settings.Service, route.Tier, route.Capability, price,
            route.IsPerToken ? route.PrepaidTokens : null, 0, Shorten(client), now, expires, null, null, 0);
        await store.InsertAsync(token, rootKey, cancellationToken);
        return new L402Challenge(token.TokenId, macaroon.ToBase64(), invoice.Bolt11, token.PaymentHash, price, invoice.ExpiresAt);
    }

    /// <summary>Checks the <c>Authorization</c> header of a request to <paramref name="method"/> <paramref name="path"/>.</summary>
    public async Task<L402Verification> VerifyAsync(string? authorization, string method, string path, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        if (settings.FindRoute(method, path) is not { } route)
        {
            return L402Verification.Refused($"{method} {path} is not a priced route.");
        }
        L402Credential credential;
        try
        {
            credential = L402Credential.Parse(authorization);
        }
        catch (MacaroonFormatException ex)
        {
            return L402Verification.Malformed(ex.Message);
        }
        if (await store.FindAsync(credential.Identifier.TokenIdHex, cancellationToken) is not { } keyed)
        {
            return L402Verification.Refused("This server never issued that token.");
        }
        var token = keyed.Token;
        var now = time.GetUtcNow();
        var refusal = keyed.Token.RevokedAt is not null ? "The token was revoked."
            : !MacaroonVerifier.HasValidSignature(credential.Macaroon, keyed.RootKey) ? "The token's signature does not match."
            : token.PaymentHash != credential.Identifier.PaymentHashHex ? "The token's payment hash does not match."
            : L402Caveats.Refusal(credential.Macaroon.Caveats, settings.Service, route.Capability, now)
              ?? (now >= token.ExpiresAt ? $"The token expired at {token.ExpiresAt:u}."
                : !CryptographicOperations.FixedTimeEquals(credential.PreimageHash(), credential.Identifier.PaymentHash)
                    ? "The preimage does not match the token's payment hash." : null);
        if (refusal is not null)
        {
            return L402Verification.Refused(refusal);
        }
        if (!await ledger.IsPaidAsync(token.PaymentHash, credential.PreimageHex, cancellationToken))
        {
            return L402Verification.Refused("The token's invoice is not paid.");
        }
        return token.TokensRemaining == 0
            ? L402Verification.Refused($"The token's {token.TokensAllowed} model tokens are used up.")
            : L402Verification.Granted(token);
    }

    /// <summary>Counts one use of a granted token, with the model tokens the request consumed.</summary>
    public Task RecordUseAsync(string tokenId, long tokensUsed, CancellationToken cancellationToken = default) =>
        store.RecordUseAsync(tokenId, Math.Max(0, tokensUsed), time.GetUtcNow(), cancellationToken);

    /// <summary>Revokes a token at once, logging payment.token_revoked with it.</summary>
    /// <exception cref="L402TokenNotFoundException">No active token has that id.</exception>
    public async Task<L402Token> RevokeAsync(string tokenId, CancellationToken cancellationToken = default) =>
        await store.RevokeAsync(tokenId, time.GetUtcNow(), L402Events.TokenRevoked, cancellationToken)
            ?? throw new L402TokenNotFoundException(tokenId);

    public Task<IReadOnlyList<L402Token>> ListAsync(int limit = 100, CancellationToken cancellationToken = default) =>
        store.ListAsync(Math.Clamp(limit, 1, MaxListLimit), cancellationToken);

    private static string? Shorten(string? client) => client is { Length: > MaxClientLength } ? client[..MaxClientLength] : client;
}
