using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>The <c>ledger</c> table (migration M0008) in SQLite, through Dapper. A status change names the states it may
/// leave from in its WHERE clause, and the migration's triggers refuse any other move, keep a recorded preimage and
/// fee, and keep the running totals the balance and the daily chart read.</summary>
public sealed class SqliteLedgerStore(IDbConnectionFactory connections, TimeProvider time) : ILedgerStore
{
    private const int ExportPage = 1_000;

    public async Task<LedgerEntry> InsertAsync(WriteTransaction transaction, LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await transaction.Connection.QuerySingleAsync<LedgerRow>(new CommandDefinition($"""
                INSERT INTO ledger (id, tx_type, status, payment_hash, amount_sats, amount_msat, memo, invoice, preimage, source,
                    task_id, agent_id, created_at, settled_at, fee_sats, max_fee_sats, expires_at, updated_at, failure_reason)
                VALUES (@Id, @Direction, @Status, @PaymentHash, @AmountSats, @AmountMsat, @Memo, @Invoice, @Preimage, @Source,
                    @TaskId, @AgentId, @created, @settled, @FeeSats, @MaxFeeSats, @expires, @created, @FailureReason)
                RETURNING {LedgerRow.Columns}
                """, new
            {
                entry.Id, entry.Direction, entry.Status, PaymentHash = entry.PaymentHash.ToLowerInvariant(), entry.AmountSats, entry.AmountMsat,
                entry.Memo, entry.Invoice, entry.Preimage, entry.Source, entry.TaskId, entry.AgentId, entry.FeeSats, entry.MaxFeeSats,
                entry.FailureReason,
                created = Timestamps.Format(entry.CreatedAt),
                settled = entry.SettledAt is { } s ? Timestamps.Format(s) : null,
                expires = entry.ExpiresAt is { } e ? Timestamps.Format(e) : null,
            }, transaction.Transaction, cancellationToken: cancellationToken));
            return row.ToEntry();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains("payment_hash", StringComparison.Ordinal))
        {
            var existing = await GetByHashAsync(transaction, entry.PaymentHash, cancellationToken);
            throw new DuplicatePaymentHashException(entry.PaymentHash, existing?.Id ?? "?", existing?.Status ?? "?");
        }
    }

    public async Task<LedgerMove> MoveAsync(WriteTransaction transaction, LedgerChange change, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var row = await transaction.Connection.QuerySingleOrDefaultAsync<LedgerRow>(new CommandDefinition($"""
            UPDATE ledger SET
                status = @To,
                preimage = COALESCE(preimage, @Preimage),
                fee_sats = COALESCE(@FeeSats, fee_sats),
                settled_at = CASE WHEN @To = 'settled' THEN @settled ELSE NULL END,
                failure_reason = CASE WHEN @To = 'settled' THEN NULL ELSE @FailureReason END,
                updated_at = @now
            WHERE id = @Id AND status IN @sources
            RETURNING {LedgerRow.Columns}
            """, new
        {
            change.To, change.Preimage, change.FeeSats, change.FailureReason, change.Id,
            settled = Timestamps.Format(change.SettledAt ?? now),
            now = Timestamps.Format(now),
            sources = LedgerStateMachine.Sources,
        }, transaction.Transaction, cancellationToken: cancellationToken));
        if (row is not null)
        {
            return new LedgerMove(row.ToEntry(), Moved: true);
        }
        var current = await transaction.Connection.QuerySingleOrDefaultAsync<LedgerRow>(new CommandDefinition(
            $"SELECT {LedgerRow.Columns} FROM ledger WHERE id = @Id", new { change.Id }, transaction.Transaction, cancellationToken: cancellationToken))
            ?? throw new LedgerEntryNotFoundException(change.Id);
        var entry = current.ToEntry();
        if (entry.Status == change.To)
        {
            return new LedgerMove(entry, Moved: false);
        }
        throw new IllegalLedgerTransitionException(entry.Id, entry.Status, change.To);
    }

    public async Task<LedgerEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LedgerRow>(new CommandDefinition(
            $"SELECT {LedgerRow.Columns} FROM ledger WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    public async Task<LedgerEntry?> GetByHashAsync(string paymentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LedgerRow>(new CommandDefinition(
            $"SELECT {LedgerRow.Columns} FROM ledger WHERE payment_hash = @hash", new { hash = paymentHash.ToLowerInvariant() },
            cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    private static async Task<LedgerEntry?> GetByHashAsync(WriteTransaction transaction, string paymentHash, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection.QuerySingleOrDefaultAsync<LedgerRow>(new CommandDefinition(
            $"SELECT {LedgerRow.Columns} FROM ledger WHERE payment_hash = @hash", new { hash = paymentHash.ToLowerInvariant() },
            transaction.Transaction, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    public async Task<LedgerPage> ListAsync(LedgerFilter filter, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(filter.Limit, 1, 500);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Ids sort by creation time (SortableIds), so the id is the keyset cursor.
        var rows = (await connection.QueryAsync<LedgerRow>(new CommandDefinition(
            $"SELECT {LedgerRow.Columns} FROM ledger WHERE {Where(filter)} ORDER BY id DESC LIMIT @take",
            Parameters(filter, filter.Before ?? "\uffff", limit + 1), cancellationToken: cancellationToken))).ToList();
        var entries = rows.Take(limit).Select(r => r.ToEntry()).ToList();
        return new LedgerPage(entries, rows.Count > limit ? entries[^1].Id : null);
    }

    public async IAsyncEnumerable<LedgerEntry> ExportAsync(LedgerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = "";
        while (true)
        {
            List<LedgerRow> rows;
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                rows = (await connection.QueryAsync<LedgerRow>(new CommandDefinition(
                    $"SELECT {LedgerRow.Columns} FROM ledger WHERE {Where(filter, ascending: true)} ORDER BY id LIMIT @take",
                    Parameters(filter, after, ExportPage), cancellationToken: cancellationToken))).ToList();
            }
            foreach (var row in rows)
            {
                yield return row.ToEntry();
            }
            if (rows.Count < ExportPage)
            {
                yield break;
            }
            after = rows[^1].Id;
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LedgerRow>(new CommandDefinition(
            $"SELECT {LedgerRow.Columns} FROM ledger WHERE status = 'pending' ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<LedgerBalance> BalanceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var totals = (await connection.QueryAsync<(string TxType, string Status, long Amount, long Fees)>(new CommandDefinition(
            "SELECT tx_type, status, amount_sats, fee_sats FROM ledger_totals", cancellationToken: cancellationToken))).ToList();
        long Sum(string direction, string status, bool fees = false) =>
            totals.Where(t => t.TxType == direction && t.Status == status).Sum(t => fees ? t.Fees : t.Amount);
        return new LedgerBalance(
            IncomingTotal: Sum(LedgerDirection.Incoming, LedgerStatus.Settled),
            OutgoingTotal: Sum(LedgerDirection.Outgoing, LedgerStatus.Settled),
            FeesPaid: Sum(LedgerDirection.Outgoing, LedgerStatus.Settled, fees: true),
            PendingIncoming: Sum(LedgerDirection.Incoming, LedgerStatus.Pending),
            PendingOutgoing: Sum(LedgerDirection.Outgoing, LedgerStatus.Pending));
    }

    public async Task<IReadOnlyList<LedgerDay>> DailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Day, string TxType, string Status, long Entries, long Amount, long Fees)>(new CommandDefinition(
            "SELECT day, tx_type, status, entries, amount_sats, fee_sats FROM ledger_daily WHERE day >= @from AND day <= @to AND entries > 0",
            new { from = from.ToString("yyyy-MM-dd"), to = to.ToString("yyyy-MM-dd") }, cancellationToken: cancellationToken))).ToList();
        var days = new List<LedgerDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var key = day.ToString("yyyy-MM-dd");
            var of = rows.Where(r => r.Day == key).ToList();
            int Count(string status) => (int)of.Where(r => r.Status == status).Sum(r => r.Entries);
            long Settled(string direction, bool fees = false) =>
                of.Where(r => r.TxType == direction && r.Status == LedgerStatus.Settled).Sum(r => fees ? r.Fees : r.Amount);
            days.Add(new LedgerDay(day, Settled(LedgerDirection.Incoming), Settled(LedgerDirection.Outgoing), Settled(LedgerDirection.Outgoing, fees: true),
                Count(LedgerStatus.Settled), Count(LedgerStatus.Failed), Count(LedgerStatus.Expired), Count(LedgerStatus.Pending)));
        }
        return days;
    }

    public Task<long> SpentByAgentAsync(WriteTransaction transaction, string agentId, DateTimeOffset? since, CancellationToken cancellationToken = default) =>
        transaction.Connection.ExecuteScalarAsync<long>(SpentCommand(agentId, since, transaction, cancellationToken));

    public async Task<long> SpentByAgentAsync(string agentId, DateTimeOffset? since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(SpentCommand(agentId, since, null, cancellationToken));
    }

    private static CommandDefinition SpentCommand(string agentId, DateTimeOffset? since, WriteTransaction? transaction, CancellationToken cancellationToken) => new("""
        SELECT COALESCE(SUM(CASE status WHEN 'settled' THEN amount_sats + fee_sats ELSE amount_sats + COALESCE(max_fee_sats, 0) END), 0)
        FROM ledger
        WHERE agent_id = @agentId AND tx_type = 'outgoing' AND source = 'agent' AND status IN ('pending', 'settled') AND created_at >= @since
        """, new { agentId, since = since is { } s ? Timestamps.Format(s) : "" }, transaction?.Transaction, cancellationToken: cancellationToken);

    private static string Where(LedgerFilter filter, bool ascending = false)
    {
        var where = new List<string> { ascending ? "id > @cursor" : "id < @cursor" };
        if (filter.Direction is not null)
        {
            where.Add("tx_type = @Direction");
        }
        if (filter.Status is not null)
        {
            where.Add("status = @Status");
        }
        if (filter.TaskId is not null)
        {
            where.Add("task_id = @TaskId");
        }
        if (filter.AgentId is not null)
        {
            where.Add("agent_id = @AgentId");
        }
        if (filter.From is not null)
        {
            where.Add("created_at >= @from");
        }
        if (filter.To is not null)
        {
            where.Add("created_at < @to");
        }
        return string.Join(" AND ", where);
    }

    private static object Parameters(LedgerFilter filter, string cursor, int take) => new
    {
        cursor, take, filter.Direction, filter.Status, filter.TaskId, filter.AgentId,
        from = filter.From is { } f ? Timestamps.Format(f) : null,
        to = filter.To is { } t ? Timestamps.Format(t) : null,
    };
}
