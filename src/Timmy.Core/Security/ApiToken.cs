namespace Timmy.Core.Security;

/// <summary>An API token as stored: never the token itself, only its hash and a short prefix to recognise it.</summary>
public sealed record ApiToken(
    string Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
