using System.Data.Common;
using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>The event log's one long-lived write connection with its insert statement prepared once.
/// A batch is one transaction; ids come from <c>last_insert_rowid()</c> after the batch, which is exact
/// because AUTOINCREMENT hands out consecutive ids inside a single write transaction.</summary>
internal sealed class EventWriter : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbCommand _insert;
    private readonly DbCommand _lastId;
    private readonly DbParameter _type, _source, _task, _agent, _data, _timestamp;

    private EventWriter(DbConnection connection)
    {
        _connection = connection;
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

    public static async Task<EventWriter> OpenAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        return new EventWriter(connection);
    }

    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<NewEvent> batch, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        _insert.Transaction = transaction;
        _lastId.Transaction = transaction;
        foreach (var e in batch)
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
        await transaction.CommitAsync(cancellationToken);

        var ids = new long[batch.Count];
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
        await _connection.DisposeAsync();
    }

    private DbParameter AddParameter(string name)
    {
        var parameter = _insert.CreateParameter();
        parameter.ParameterName = name;
        _insert.Parameters.Add(parameter);
        return parameter;
    }
}
