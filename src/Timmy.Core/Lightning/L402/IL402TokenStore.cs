using Timmy.Core.Events;

namespace Timmy.Core.Lightning.L402;

/// <summary>The <c>l402_tokens</c> table: one row per token issued in a challenge, paid or not.</summary>
public interface IL402TokenStore
{
    Task InsertAsync(L402Token token, byte[] rootKey, CancellationToken cancellationToken = default);

    Task<L402KeyedToken?> FindAsync(string tokenId, CancellationToken cancellationToken = default);

    /// <summary>The newest tokens first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<L402Token>> ListAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Counts one use at <paramref name="at"/> and adds <paramref name="tokens"/> model tokens.</summary>
    Task RecordUseAsync(string tokenId, long tokens, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token not yet revoked, appending <paramref name="logged"/>'s event in the same transaction;
    /// null when there is no such token (or it was revoked already).</summary>
    Task<L402Token?> RevokeAsync(string tokenId, DateTimeOffset at, Func<L402Token, EventDraft> logged, CancellationToken cancellationToken = default);
}
