using System.Data.Common;
using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>The <c>event_log</c> insert, prepared once per connection. Ids come from <c>last_insert_rowid()</c>
/// after the rows, which is exact because AUTOINCREMENT hands out consecutive ids inside one write transaction.</summary>
internal sealed class EventInsert : IAsyncDisposable
{
    private readonly DbCommand _insert;
    private readonly DbCommand _lastId;
    private readonly DbParameter _type, _source, _task, _agent, _data, _timestamp;

    public EventInsert(DbConnection connection)
    {
        _insert = connection.CreateCommand();
        _insert.CommandText = "INSERT INTO event_log (event_type, source, task_id, agent_id, data, timestamp) " +
                              "VALUES ($type, $source, $task, $agent, $data, $ts)";
        _type = AddParameter("$type");
        _source = AddParameter("$source");
        _task = AddParameter("$task");
        _agent = AddParameter("$agent");
        _data = AddParameter("$data");
        _timestamp = AddParameter("$ts");
        _lastId = connection.CreateCommand();
        _lastId.CommandText = "SELECT last_insert_rowid()";
    }

    /// <summary>Inserts the events in <paramref name="transaction"/> and returns their ids in order.</summary>
    public async Task<IReadOnlyList<long>> RunAsync(DbTransaction transaction, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        _insert.Transaction = transaction;
        _lastId.Transaction = transaction;
        foreach (var e in events)
        {
            _type.Value = e.EventType;
            _source.Value = e.Source;
            _task.Value = (object?)e.TaskId ?? DBNull.Value;
            _agent.Value = (object?)e.AgentId ?? DBNull.Value;
            _data.Value = e.Data.GetRawText();
            _timestamp.Value = Timestamps.Format(e.Timestamp);
            await _insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var last = (long)(await _lastId.ExecuteScalarAsync(cancellationToken))!;
        var ids = new long[events.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = last - ids.Length + 1 + i;
        }
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _lastId.DisposeAsync();
    }

    private DbParameter AddParameter(string name)
    {
        var parameter = _insert.CreateParameter();
        parameter.ParameterName = name;
        _insert.Parameters.Add(parameter);
        return parameter;
    }
}
