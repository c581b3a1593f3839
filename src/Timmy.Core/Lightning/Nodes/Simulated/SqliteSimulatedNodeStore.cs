using System.Data.Common;
using Dapper;
using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Nodes.Simulated;

/// <summary>The simulated nodes' books (migration M0008: <c>simnode_keys</c>, <c>simnode_invoices</c>,
/// <c>simnode_payments</c>) in SQLite, through Dapper. Reads run on the connection (and transaction) given, so a
/// payment can check and change both nodes' books in one write transaction.</summary>
internal sealed class SqliteSimulatedNodeStore
{
    private const string InvoiceColumns = """
        payment_hash AS PaymentHash, node_name AS NodeName, bolt11 AS Bolt11, preimage AS Preimage, amount_msat AS AmountMsat,
        memo AS Memo, state AS State, created_at AS CreatedAt, expires_at AS ExpiresAt, settled_at AS SettledAt,
        amount_paid_msat AS AmountPaidMsat
        """;

    private const string PaymentColumns = """
        node_name AS NodeName, payment_hash AS PaymentHash, bolt11 AS Bolt11, state AS State, amount_msat AS AmountMsat,
        fee_msat AS FeeMsat, preimage AS Preimage, failure_reason AS FailureReason, created_at AS CreatedAt,
        completed_at AS CompletedAt
        """;

    /// <summary>The node's private key (hex), stored as <paramref name="newKey"/> if the node has none yet.</summary>
    public async Task<string> GetOrCreateKeyAsync(WriteTransaction write, string nodeName, string newKey, string stamp, CancellationToken cancellationToken)
    {
        await write.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT OR IGNORE INTO simnode_keys (node_name, private_key, created_at) VALUES (@nodeName, @newKey, @stamp)",
            new { nodeName, newKey, stamp }, write.Transaction, cancellationToken: cancellationToken));
        return await write.Connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT private_key FROM simnode_keys WHERE node_name = @nodeName", new { nodeName }, write.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Every simulated node on this database: its name and private key (hex).</summary>
    public async Task<IReadOnlyList<(string NodeName, string PrivateKey)>> AllKeysAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT node_name, private_key FROM simnode_keys ORDER BY node_name", transaction: transaction, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public Task InsertInvoiceAsync(WriteTransaction write, SimulatedInvoiceRow row, CancellationToken cancellationToken) =>
        write.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO simnode_invoices (payment_hash, node_name, bolt11, preimage, amount_msat, memo, state, created_at, expires_at)
            VALUES (@PaymentHash, @NodeName, @Bolt11, @Preimage, @AmountMsat, @Memo, @State, @CreatedAt, @ExpiresAt)
            """, row, write.Transaction, cancellationToken: cancellationToken));

    public Task<SimulatedInvoiceRow?> GetInvoiceAsync(
        DbConnection connection, DbTransaction? transaction, string nodeName, string paymentHash, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<SimulatedInvoiceRow>(new CommandDefinition(
            $"SELECT {InvoiceColumns} FROM simnode_invoices WHERE node_name = @nodeName AND payment_hash = @paymentHash",
            new { nodeName, paymentHash }, transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<SimulatedInvoiceRow>> ListInvoicesAsync(DbConnection connection, string nodeName, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<SimulatedInvoiceRow>(new CommandDefinition(
            $"SELECT {InvoiceColumns} FROM simnode_invoices WHERE node_name = @nodeName ORDER BY created_at DESC, rowid DESC LIMIT @limit",
            new { nodeName, limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Moves an open invoice to settled; false when it was not open (the only move an invoice makes here).</summary>
    public async Task<bool> SettleAsync(WriteTransaction write, string nodeName, string paymentHash, long amountPaidMsat, string stamp, CancellationToken cancellationToken) =>
        await write.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE simnode_invoices SET state = 'settled', settled_at = @stamp, amount_paid_msat = @amountPaidMsat
            WHERE node_name = @nodeName AND payment_hash = @paymentHash AND state = 'open'
            """, new { nodeName, paymentHash, amountPaidMsat, stamp }, write.Transaction, cancellationToken: cancellationToken)) == 1;

    public Task<SimulatedPaymentRow?> GetPaymentAsync(
        DbConnection connection, DbTransaction? transaction, string nodeName, string paymentHash, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<SimulatedPaymentRow>(new CommandDefinition(
            $"SELECT {PaymentColumns} FROM simnode_payments WHERE node_name = @nodeName AND payment_hash = @paymentHash",
            new { nodeName, paymentHash }, transaction, cancellationToken: cancellationToken));

    /// <summary>Records an attempt, replacing an earlier failed one for the same hash.</summary>
    public Task SavePaymentAsync(WriteTransaction write, SimulatedPaymentRow row, CancellationToken cancellationToken) =>
        write.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT OR REPLACE INTO simnode_payments
                (node_name, payment_hash, bolt11, state, amount_msat, fee_msat, preimage, failure_reason, created_at, completed_at)
            VALUES (@NodeName, @PaymentHash, @Bolt11, @State, @AmountMsat, @FeeMsat, @Preimage, @FailureReason, @CreatedAt, @CompletedAt)
            """, row, write.Transaction, cancellationToken: cancellationToken));

    /// <summary>What the node has received (settled invoices) less what it has sent with fees (succeeded payments).</summary>
    public Task<long> NetFlowMsatAsync(DbConnection connection, DbTransaction? transaction, string nodeName, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT (SELECT COALESCE(SUM(amount_paid_msat), 0) FROM simnode_invoices WHERE node_name = @nodeName AND state = 'settled')
                 - (SELECT COALESCE(SUM(amount_msat + fee_msat), 0) FROM simnode_payments WHERE node_name = @nodeName AND state = 'succeeded')
            """, new { nodeName }, transaction, cancellationToken: cancellationToken));
}
