using System.Data.Common;
using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>The <c>event_log</c> insert, prepared once per connection. It runs inside a write transaction, so it holds
/// SQLite's one write lock: it reads the last id handed out and the chain's last hash once, then gives each event the
/// next id and its <see cref="EventChain"/> hash, and inserts it with both.</summary>
internal sealed class EventInsert : IAsyncDisposable
{
    private readonly DbCommand _insert;
    private readonly DbCommand _chainHead;
    private readonly DbParameter _id, _type, _source, _task, _agent, _data, _timestamp, _actor, _prevHash, _hash;

    public EventInsert(DbConnection connection)
    {
        _insert = connection.CreateCommand();
        _insert.CommandText = "INSERT INTO event_log (id, event_type, source, task_id, agent_id, data, timestamp, actor, prev_hash, hash) " +
                              "VALUES ($id, $type, $source, $task, $agent, $data, $ts, $actor, $prev, $hash)";
        _id = AddParameter("$id");
        _type = AddParameter("$type");
        _source = AddParameter("$source");
        _task = AddParameter("$task");
        _agent = AddParameter("$agent");
        _data = AddParameter("$data");
        _timestamp = AddParameter("$ts");
        _actor = AddParameter("$actor");
        _prevHash = AddParameter("$prev");
        _hash = AddParameter("$hash");
        _chainHead = connection.CreateCommand();
        // AUTOINCREMENT's counter, not MAX(id): an id once handed out is never handed out again, even after a delete.
        _chainHead.CommandText = """
            SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'event_log'), 0),
                   COALESCE((SELECT hash FROM event_log WHERE id > (SELECT last_id FROM event_chain_anchor) ORDER BY id DESC LIMIT 1),
                            (SELECT last_hash FROM event_chain_anchor))
            """;
    }

    /// <summary>Inserts the events in <paramref name="transaction"/> and returns them as stored, in order.</summary>
    public async Task<IReadOnlyList<EventRecord>> RunAsync(DbTransaction transaction, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        _insert.Transaction = transaction;
        _chainHead.Transaction = transaction;
        long lastId;
        string prevHash;
        await using (var reader = await _chainHead.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            lastId = reader.GetInt64(0);
            prevHash = reader.GetString(1);
        }
        var stored = new EventRecord[events.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            var e = events[i];
            var id = ++lastId;
            var hash = EventChain.Hash(prevHash, id, e.Timestamp, e.EventType, e.Source, e.TaskId, e.AgentId, e.Actor, e.Data);
            _id.Value = id;
            _type.Value = e.EventType;
            _source.Value = e.Source;
            _task.Value = (object?)e.TaskId ?? DBNull.Value;
            _agent.Value = (object?)e.AgentId ?? DBNull.Value;
            _data.Value = e.Data.GetRawText();
            _timestamp.Value = Timestamps.Format(e.Timestamp);
            _actor.Value = (object?)e.Actor ?? DBNull.Value;
            _prevHash.Value = prevHash;
            _hash.Value = hash;
            await _insert.ExecuteNonQueryAsync(cancellationToken);
            stored[i] = e.Stored(id, prevHash, hash);
            prevHash = hash;
        }
        return stored;
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _chainHead.DisposeAsync();
    }

    private DbParameter AddParameter(string name)
    {
        var parameter = _insert.CreateParameter();
        parameter.ParameterName = name;
        _insert.Parameters.Add(parameter);
        return parameter;
    }
}
