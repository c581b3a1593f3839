using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Dapper;
using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>The event log in SQLite (<c>event_log</c>, ADR-017).</summary>
public sealed class SqliteEventStore(IDbConnectionFactory connections) : IEventStore, IAsyncDisposable
{
    private const string Columns = "id, event_type, source, task_id, agent_id, data, timestamp, actor, prev_hash, hash";
    private const int PruneChunk = 5000;

    private readonly SemaphoreSlim _writerLock = new(1, 1);
    private EventWriter? _writer;

    public async Task<IReadOnlyList<EventRecord>> AppendAsync(
        IReadOnlyList<NewEvent> batch, Action<IReadOnlyList<EventRecord>>? committed = null, CancellationToken cancellationToken = default)
    {
        await _writerLock.WaitAsync(cancellationToken);
        try
        {
            _writer ??= await EventWriter.OpenAsync(connections, cancellationToken);
            try
            {
                return await _writer.AppendAsync(batch, committed, cancellationToken);
            }
            catch
            {
                // A failed connection is not reused; the next batch opens a fresh one.
                await _writer.DisposeAsync();
                _writer = null;
                throw;
            }
        }
        finally
        {
            _writerLock.Release();
        }
    }

    public async Task<IReadOnlyList<EventRecord>> AppendAsync(
        WriteTransaction transaction, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        await using var insert = new EventInsert(transaction.Connection);
        return await insert.RunAsync(transaction.Transaction, events, cancellationToken);
    }

    public async Task<EventPage> QueryAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(query.Limit, 1, EventQuery.MaxLimit);
        var (where, parameters) = BuildWhere(query, includeCursors: true);
        // Reading a newer page walks forward from the cursor, then the page is flipped to newest first.
        var ascending = query.AfterId is not null && query.BeforeId is null;
        var sql = $"SELECT {Columns} FROM event_log {where} ORDER BY id {(ascending ? "ASC" : "DESC")} LIMIT {limit + 1}";

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<EventRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        var hasMore = rows.Count > limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (ascending)
        {
            rows.Reverse();
        }
        var items = rows.Select(r => r.ToRecord()).ToList();
        if (items.Count == 0)
        {
            return new EventPage(items, null, null);
        }

        var newest = items[0].Id;
        var oldest = items[^1].Id;
        var olderExists = ascending ? await ExistsAsync(connection, query, $"id < {oldest}", cancellationToken) : hasMore;
        var newerExists = ascending ? hasMore : await ExistsAsync(connection, query, $"id > {newest}", cancellationToken);
        return new EventPage(items, olderExists ? oldest : null, newerExists ? newest : null);
    }

    public async Task<IReadOnlyList<EventRecord>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            $"SELECT {Columns} FROM event_log WHERE id > @afterId ORDER BY id ASC LIMIT @limit",
            new { afterId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<EventRecord>> TimelineAsync(string? taskId, string? agentId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            $"SELECT {Columns} FROM event_log WHERE (@taskId IS NULL OR task_id = @taskId) " +
            "AND (@agentId IS NULL OR agent_id = @agentId) ORDER BY id ASC LIMIT @limit",
            new { taskId, agentId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<EventTypeCount>> CountByTypeAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string EventType, long Count)>(new CommandDefinition(
            "SELECT event_type, COUNT(*) FROM event_log WHERE timestamp >= @since GROUP BY event_type ORDER BY COUNT(*) DESC, event_type",
            new { since = Timestamps.Format(since) }, cancellationToken: cancellationToken));
        return rows.Select(r => new EventTypeCount(r.EventType, r.Count)).ToList();
    }

    public async IAsyncEnumerable<EventRecord> ExportAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (where, parameters) = BuildWhere(query, includeCursors: false);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<EventRow>($"SELECT {Columns} FROM event_log {where} ORDER BY id DESC", parameters);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToRecord();
        }
    }

    public async Task<EventRecord?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EventRow>(new CommandDefinition(
            $"SELECT {Columns} FROM event_log WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<long> LatestIdAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(id) FROM event_log", cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        long total = 0;
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Only a prefix of the log goes, so what is left is still one unbroken chain from the anchor.
        var keepFrom = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MIN(id) FROM event_log WHERE timestamp >= @cutoff",
            new { cutoff = Timestamps.Format(cutoff) }, cancellationToken: cancellationToken)) ?? long.MaxValue;
        while (true)
        {
            // Small chunks keep each write transaction short so live writers are not blocked for long.
            await using var transaction = await connections.BeginWriteAsync(connection, cancellationToken);
            var last = await connection.QuerySingleOrDefaultAsync<(long Id, string? Hash)?>(new CommandDefinition("""
                SELECT id, hash FROM event_log
                WHERE id = (SELECT MAX(id) FROM (SELECT id FROM event_log WHERE id < @keepFrom ORDER BY id LIMIT @chunk))
                """, new { keepFrom, chunk = PruneChunk }, transaction.Transaction, cancellationToken: cancellationToken));
            if (last is not { } pruned)
            {
                return total;
            }
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM event_log WHERE id <= @id", new { id = pruned.Id }, transaction.Transaction, cancellationToken: cancellationToken));
            // Events from before the chain began have no hash; the anchor moves only past chained ones.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE event_chain_anchor SET last_id = @id, last_hash = @hash, reason = 'pruned' WHERE @hash IS NOT NULL AND last_id < @id",
                new { id = pruned.Id, hash = pruned.Hash }, transaction.Transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            total += deleted;
            if (deleted < PruneChunk)
            {
                return total;
            }
        }
    }

    public async Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One read transaction: the walk sees one snapshot while writers go on.
        await using var snapshot = await connection.BeginTransactionAsync(cancellationToken);
        var anchor = await connection.QuerySingleAsync<(long LastId, string LastHash)>(new CommandDefinition(
            "SELECT last_id, last_hash FROM event_chain_anchor", transaction: snapshot, cancellationToken: cancellationToken));
        var lastIdHandedOut = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT seq FROM sqlite_sequence WHERE name = 'event_log'", transaction: snapshot, cancellationToken: cancellationToken));
        var walk = new EventChainWalk(anchor.LastId, anchor.LastHash);
        var rows = connection.QueryUnbufferedAsync<EventRow>(
            $"SELECT {Columns} FROM event_log WHERE id > @after ORDER BY id", new { after = anchor.LastId }, snapshot);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!walk.Add(row.ToRecord()))
            {
                break;
            }
        }
        return walk.Finish(lastIdHandedOut);
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, EventQuery query, string condition, CancellationToken cancellationToken)
    {
        var (where, parameters) = BuildWhere(query, includeCursors: false);
        var sql = $"SELECT EXISTS (SELECT 1 FROM event_log {(where.Length == 0 ? "WHERE" : where + " AND")} {condition})";
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private static (string Where, DynamicParameters Parameters) BuildWhere(EventQuery query, bool includeCursors)
    {
        var clauses = new List<string>();
        var parameters = new DynamicParameters();
        if (query.Types.Count > 0 && !query.Types.Any(t => t.IsAll))
        {
            var alternatives = new List<string>();
            for (var i = 0; i < query.Types.Count; i++)
            {
                var pattern = query.Types[i];
                if (pattern.Prefix is null)
                {
                    alternatives.Add($"event_type = @type{i}");
                    parameters.Add($"type{i}", pattern.Text);
                }
                else
                {
                    // A range on the index instead of LIKE: 'task.' <= type < 'task/'.
                    alternatives.Add($"(event_type >= @typeLo{i} AND event_type < @typeHi{i})");
                    parameters.Add($"typeLo{i}", pattern.Prefix);
                    parameters.Add($"typeHi{i}", pattern.Prefix[..^1] + "/");
                }
            }
            clauses.Add("(" + string.Join(" OR ", alternatives) + ")");
        }
        AddEquals(clauses, parameters, "task_id", query.TaskId);
        AddEquals(clauses, parameters, "agent_id", query.AgentId);
        AddEquals(clauses, parameters, "source", query.Source);
        if (query.From is { } from)
        {
            clauses.Add("timestamp >= @from");
            parameters.Add("from", Timestamps.Format(from));
        }
        if (query.To is { } to)
        {
            clauses.Add("timestamp < @to");
            parameters.Add("to", Timestamps.Format(to));
        }
        if (includeCursors && query.BeforeId is { } before)
        {
            clauses.Add("id < @before");
            parameters.Add("before", before);
        }
        if (includeCursors && query.AfterId is { } after)
        {
            clauses.Add("id > @after");
            parameters.Add("after", after);
        }
        var where = new StringBuilder();
        if (clauses.Count > 0)
        {
            where.Append("WHERE ").AppendJoin(" AND ", clauses);
        }
        return (where.ToString(), parameters);
    }

    private static void AddEquals(List<string> clauses, DynamicParameters parameters, string column, string? value)
    {
        if (value is not null)
        {
            clauses.Add($"{column} = @{column}");
            parameters.Add(column, value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }

    private sealed class EventRow
    {
        public long Id { get; init; }
        public string Event_Type { get; init; } = "";
        public string Source { get; init; } = "";
        public string? Task_Id { get; init; }
        public string? Agent_Id { get; init; }
        public string Data { get; init; } = "{}";
        public string Timestamp { get; init; } = "";
        public string? Actor { get; init; }
        public string? Prev_Hash { get; init; }
        public string? Hash { get; init; }

        public EventRecord ToRecord()
        {
            using var document = JsonDocument.Parse(Data);
            return new EventRecord(Id, Event_Type, Source, Task_Id, Agent_Id, document.RootElement.Clone(), Timestamps.Parse(Timestamp),
                Actor, Prev_Hash, Hash);
        }
    }
}
