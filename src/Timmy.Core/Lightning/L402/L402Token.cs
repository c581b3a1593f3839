namespace Timmy.Core.Lightning.L402;

/// <summary>An L402 token as the server keeps it (never its root key: see <see cref="L402KeyedToken"/>): what it was
/// sold for, to whom (the client's address), what it may open (<see cref="Capabilities"/>, comma-separated as in its
/// caveat), its model-token allowance when the route is priced per token, and how it has been used.</summary>
public sealed record L402Token(
    string TokenId,
    string PaymentHash,
    string Service,
    string Tier,
    string Capabilities,
    long PriceSats,
    long? TokensAllowed,
    long TokensUsed,
    string? Client,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    long Uses)
{
    /// <summary>Model tokens left, or null when the token is not metered.</summary>
    public long? TokensRemaining => TokensAllowed is { } allowed ? Math.Max(0, allowed - TokensUsed) : null;
}
