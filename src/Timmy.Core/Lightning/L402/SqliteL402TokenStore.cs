using Dapper;
using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.L402;

/// <summary>The <c>l402_tokens</c> table (migration M0008) in SQLite, through Dapper. A revocation commits with its
/// event.</summary>
public sealed class SqliteL402TokenStore(IDbConnectionFactory connections, IEventLog events) : IL402TokenStore
{
    private const string Columns = """
        token_id AS TokenId, payment_hash AS PaymentHash, service AS Service, tier AS Tier, capabilities AS Capabilities,
        price_sats AS PriceSats, tokens_allowed AS TokensAllowed, tokens_used AS TokensUsed, client AS Client,
        created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt, last_used_at AS LastUsedAt, uses AS Uses
        """;

    public async Task InsertAsync(L402Token token, byte[] rootKey, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        await transaction.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO l402_tokens (token_id, payment_hash, root_key, service, tier, capabilities, price_sats, tokens_allowed,
                                     client, created_at, expires_at)
            VALUES (@TokenId, @PaymentHash, @rootKey, @Service, @Tier, @Capabilities, @PriceSats, @TokensAllowed,
                    @Client, @created, @expires)
            """, new
        {
            token.TokenId, token.PaymentHash, rootKey, token.Service, token.Tier, token.Capabilities, token.PriceSats,
            token.TokensAllowed, token.Client, created = Timestamps.Format(token.CreatedAt), expires = Timestamps.Format(token.ExpiresAt),
        }, transaction.Transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<L402KeyedToken?> FindAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns}, root_key AS RootKey FROM l402_tokens WHERE token_id = @tokenId", new { tokenId }, cancellationToken: cancellationToken));
        return row is null ? null : new L402KeyedToken(row.ToToken(), row.RootKey);
    }

    public async Task<IReadOnlyList<L402Token>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM l402_tokens ORDER BY created_at DESC, token_id LIMIT @limit", new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToToken()).ToList();
    }

    public async Task RecordUseAsync(string tokenId, long tokens, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        await transaction.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE l402_tokens SET uses = uses + 1, tokens_used = tokens_used + @tokens, last_used_at = @at WHERE token_id = @tokenId",
            new { tokenId, tokens, at = Timestamps.Format(at) }, transaction.Transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<L402Token?> RevokeAsync(string tokenId, DateTimeOffset at, Func<L402Token, EventDraft> logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var row = await transaction.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"UPDATE l402_tokens SET revoked_at = @at WHERE token_id = @tokenId AND revoked_at IS NULL RETURNING {Columns}",
            new { tokenId, at = Timestamps.Format(at) }, transaction.Transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }
        var token = row.ToToken();
        await events.AppendAsync(transaction, logged(token), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    private sealed class Row
    {
        public string TokenId { get; init; } = "";
        public string PaymentHash { get; init; } = "";
        public string Service { get; init; } = "";
        public string Tier { get; init; } = "";
        public string Capabilities { get; init; } = "";
        public long PriceSats { get; init; }
        public long? TokensAllowed { get; init; }
        public long TokensUsed { get; init; }
        public string? Client { get; init; }
        public string CreatedAt { get; init; } = "";
        public string ExpiresAt { get; init; } = "";
        public string? RevokedAt { get; init; }
        public string? LastUsedAt { get; init; }
        public long Uses { get; init; }
        public byte[] RootKey { get; init; } = [];

        public L402Token ToToken() => new(
            TokenId, PaymentHash, Service, Tier, Capabilities, PriceSats, TokensAllowed, TokensUsed, Client,
            Timestamps.Parse(CreatedAt), Timestamps.Parse(ExpiresAt),
            RevokedAt is null ? null : Timestamps.Parse(RevokedAt),
            LastUsedAt is null ? null : Timestamps.Parse(LastUsedAt), Uses);
    }
}
