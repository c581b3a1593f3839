using System.Text.Json;
using Dapper;
using Timmy.Core.Storage;

namespace Timmy.Core.Swarm.Personas;

/// <summary>The bid learner's history in SQLite (table <c>persona_outcomes</c>), through Dapper.</summary>
public sealed class SqlitePersonaOutcomeStore(IDbConnectionFactory connections, TimeProvider time) : IPersonaOutcomeStore
{
    private const string Columns = """
        persona_id AS PersonaId, task_id AS TaskId, keywords AS Keywords, bid_sats AS BidSats, won AS Won,
        succeeded AS Succeeded, recorded_at AS RecordedAt
        """;

    public async Task<IReadOnlyList<PersonaOutcome>> RecordBidsAsync(
        string taskId, IReadOnlyList<PersonaBidOutcome> bids, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var stored = await RecordBidsAsync(transaction, taskId, bids, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<PersonaOutcome>> RecordBidsAsync(
        WriteTransaction transaction, string taskId, IReadOnlyList<PersonaBidOutcome> bids, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentNullException.ThrowIfNull(bids);
        foreach (var bid in bids)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(bid.PersonaId, nameof(bids));
            ArgumentOutOfRangeException.ThrowIfNegative(bid.BidSats, nameof(bids));
        }
        var now = Timestamps.Format(time.GetUtcNow());
        var stored = new List<PersonaOutcome>(bids.Count);
        foreach (var bid in bids)
        {
            var row = await transaction.Connection.QuerySingleAsync<OutcomeRow>(new CommandDefinition($"""
                INSERT INTO persona_outcomes (persona_id, task_id, keywords, bid_sats, won, recorded_at)
                VALUES (@PersonaId, @taskId, @Keywords, @BidSats, @Won, @now)
                ON CONFLICT (persona_id, task_id) DO UPDATE
                    SET keywords = excluded.keywords, bid_sats = excluded.bid_sats, won = excluded.won
                RETURNING {Columns}
                """, new
            {
                bid.PersonaId, taskId, Keywords = JsonSerializer.Serialize(bid.Keywords), bid.BidSats, Won = bid.Won ? 1 : 0, now,
            }, transaction.Transaction, cancellationToken: cancellationToken));
            stored.Add(row.ToOutcome());
        }
        return stored;
    }

    public async Task<PersonaOutcome?> RecordResultAsync(string taskId, string personaId, bool succeeded, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var stored = await RecordResultAsync(transaction, taskId, personaId, succeeded, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<PersonaOutcome?> RecordResultAsync(
        WriteTransaction transaction, string taskId, string personaId, bool succeeded, CancellationToken cancellationToken = default)
    {
        var row = await transaction.Connection.QuerySingleOrDefaultAsync<OutcomeRow>(new CommandDefinition($"""
            UPDATE persona_outcomes SET succeeded = @succeeded
            WHERE persona_id = @personaId AND task_id = @taskId AND won = 1
            RETURNING {Columns}
            """, new { taskId, personaId, succeeded = succeeded ? 1 : 0 }, transaction.Transaction, cancellationToken: cancellationToken));
        return row?.ToOutcome();
    }

    public async Task<IReadOnlyList<PersonaOutcome>> LoadRecentAsync(int perPersona, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perPersona, 1);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Ties in time (one auction records all its bidders at once) fall back to insertion order.
        var rows = await connection.QueryAsync<OutcomeRow>(new CommandDefinition($"""
            SELECT {Columns} FROM (
                SELECT *, rowid AS seq,
                       ROW_NUMBER() OVER (PARTITION BY persona_id ORDER BY recorded_at DESC, rowid DESC) AS recent
                FROM persona_outcomes)
            WHERE recent <= @perPersona
            ORDER BY persona_id, recorded_at, seq
            """, new { perPersona }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToOutcome()).ToList();
    }

    // Settable properties rather than a positional record: Dapper matches constructors by exact column type, and a
    // NULL result column has none.
    private sealed class OutcomeRow
    {
        public string PersonaId { get; init; } = "";
        public string TaskId { get; init; } = "";
        public string Keywords { get; init; } = "[]";
        public long BidSats { get; init; }
        public long Won { get; init; }
        public long? Succeeded { get; init; }
        public string RecordedAt { get; init; } = "";

        public PersonaOutcome ToOutcome() => new(PersonaId, TaskId, JsonSerializer.Deserialize<string[]>(Keywords) ?? [],
            BidSats, Won != 0, Succeeded is { } s ? s != 0 : null, Timestamps.Parse(RecordedAt));
    }
}
