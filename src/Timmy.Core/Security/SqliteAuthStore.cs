using Dapper;
using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.Core.Security;

/// <summary>Sign-in data in SQLite (<c>owner_credentials</c>, <c>api_tokens</c>). A token's creation and revocation
/// append their event in the same transaction.</summary>
public sealed class SqliteAuthStore(IDbConnectionFactory connections, IEventLog events) : IAuthStore
{
    private const string TokenColumns = "id, name, prefix, scopes, created_at, last_used_at, revoked_at";

    public async Task<string?> GetPasswordHashAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>("SELECT password_hash FROM owner_credentials WHERE id = 1");
    }

    public async Task SetPasswordHashAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO owner_credentials (id, password_hash, updated_at) VALUES (1, @hash, @at) " +
            "ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at",
            new { hash, at = Timestamps.Format(at) });
    }

    public async Task<bool> ClearPasswordHashAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM owner_credentials WHERE id = 1") > 0;
    }

    public async Task InsertTokenAsync(ApiToken token, string tokenHash, EventDraft logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        await transaction.Connection.ExecuteAsync(
            "INSERT INTO api_tokens (id, name, token_hash, prefix, scopes, created_at) VALUES (@Id, @Name, @hash, @Prefix, @scopes, @created)",
            new { token.Id, token.Name, hash = tokenHash, token.Prefix, scopes = string.Join(' ', token.Scopes), created = Timestamps.Format(token.CreatedAt) },
            transaction.Transaction);
        await events.AppendAsync(transaction, logged, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ApiToken?> FindActiveTokenByHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(
            $"SELECT {TokenColumns} FROM api_tokens WHERE token_hash = @tokenHash AND revoked_at IS NULL", new { tokenHash });
        return row?.ToToken();
    }

    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TokenRow>($"SELECT {TokenColumns} FROM api_tokens ORDER BY created_at DESC");
        return rows.Select(r => r.ToToken()).ToList();
    }

    public async Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, Func<ApiToken, EventDraft> logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var row = await transaction.Connection.QuerySingleOrDefaultAsync<TokenRow>(
            $"UPDATE api_tokens SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL RETURNING {TokenColumns}",
            new { id, at = Timestamps.Format(at) }, transaction.Transaction);
        if (row is null)
        {
            return false;
        }
        await events.AppendAsync(transaction, logged(row.ToToken()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task TouchTokensAsync(IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> uses, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        await transaction.Connection.ExecuteAsync(
            "UPDATE api_tokens SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @at)",
            uses.Select(u => new { id = u.Key, at = Timestamps.Format(u.Value) }), transaction.Transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class TokenRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string Scopes { get; init; } = "";
        public string Created_At { get; init; } = "";
        public string? Last_Used_At { get; init; }
        public string? Revoked_At { get; init; }

        public ApiToken ToToken() => new(
            Id, Name, Prefix,
            Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Timestamps.Parse(Created_At),
            Last_Used_At is null ? null : Timestamps.Parse(Last_Used_At),
            Revoked_At is null ? null : Timestamps.Parse(Revoked_At));
    }
}
