using Timmy.Core.Events;

namespace Timmy.Core.Security;

/// <summary>Persistence for sign-in: the owner's password hash and the API tokens.</summary>
public interface IAuthStore
{
    Task<string?> GetPasswordHashAsync(CancellationToken cancellationToken = default);

    Task SetPasswordHashAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Forgets the owner's password hash; true when there was one.</summary>
    Task<bool> ClearPasswordHashAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a new token with the event <paramref name="logged"/> in the same transaction.</summary>
    Task InsertTokenAsync(ApiToken token, string tokenHash, EventDraft logged, CancellationToken cancellationToken = default);

    Task<ApiToken?> FindActiveTokenByHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks the token revoked, with the event <paramref name="logged"/> makes of it in the same transaction;
    /// false, and nothing logged, when there is no such active token.</summary>
    Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, Func<ApiToken, EventDraft> logged, CancellationToken cancellationToken = default);

    /// <summary>Sets each token's <c>last_used_at</c> (never back in time), all in one write.</summary>
    Task TouchTokensAsync(IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> uses, CancellationToken cancellationToken = default);
}
