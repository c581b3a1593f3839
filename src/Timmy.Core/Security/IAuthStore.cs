namespace Timmy.Core.Security;

/// <summary>Persistence for sign-in: the owner's password hash and the API tokens.</summary>
public interface IAuthStore
{
    Task<string?> GetPasswordHashAsync(CancellationToken cancellationToken = default);

    Task SetPasswordHashAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task InsertTokenAsync(ApiToken token, string tokenHash, CancellationToken cancellationToken = default);

    Task<ApiToken?> FindActiveTokenByHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks the token revoked; false when there is no such active token.</summary>
    Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task TouchTokenAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
