using Timmy.Core.Lightning.L402;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>An L402 token as the API lists it (never its root key or macaroon).</summary>
public sealed record L402TokenDto(
    string TokenId, string PaymentHash, string Service, string Tier, IReadOnlyList<string> Capabilities, long PriceSats,
    long? TokensAllowed, long TokensUsed, string? Client, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, long Uses)
{
    public static L402TokenDto From(L402Token t) => new(
        t.TokenId, t.PaymentHash, t.Service, t.Tier, t.Capabilities.Split(',', StringSplitOptions.RemoveEmptyEntries), t.PriceSats,
        t.TokensAllowed, t.TokensUsed, t.Client, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.Uses);
}
