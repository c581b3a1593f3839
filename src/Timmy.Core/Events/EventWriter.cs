using System.Data.Common;
using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>The event log's one long-lived write connection for events logged alone, with its insert prepared
/// once. A batch is one write transaction from the connection factory, so its commit takes its place in the
/// factory's commit order like a store's transaction does.</summary>
internal sealed class EventWriter : IAsyncDisposable
{
    private readonly IDbConnectionFactory _connections;
    private readonly DbConnection _connection;
    private readonly EventInsert _insert;

    private EventWriter(IDbConnectionFactory connections, DbConnection connection)
    {
        _connections = connections;
        _connection = connection;
        _insert = new EventInsert(connection);
    }

    public static async Task<EventWriter> OpenAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        return new EventWriter(connections, connection);
    }

    public async Task<IReadOnlyList<EventRecord>> AppendAsync(
        IReadOnlyList<NewEvent> batch, Action<IReadOnlyList<EventRecord>>? committed, CancellationToken cancellationToken)
    {
        await using var transaction = await _connections.BeginWriteAsync(_connection, cancellationToken);
        var stored = await _insert.RunAsync(transaction.Transaction, batch, cancellationToken);
        if (committed is not null)
        {
            transaction.OnCommitted(() => committed(stored));
        }
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
