using System.Data.Common;

namespace Timmy.Core.Storage;

/// <summary>A unit of work: one connection in one write transaction, begun by
/// <see cref="IDbConnectionFactory.BeginWriteAsync"/>. What is written through <see cref="Connection"/> and
/// <see cref="Transaction"/> commits together in <see cref="CommitAsync"/>, or not at all when the transaction is
/// disposed without it. It holds the factory's write lock from its start until its after-commit actions have run
/// (or until it is disposed), so actions given to <see cref="OnCommitted"/> run before any later write transaction
/// of this process begins: the event log publishes there, and the bus hears events in commit order, which is id order.
/// So while one is open, its owner must not begin another nor wait for <c>IEventLog.LogAsync</c> (whose writer needs
/// the same lock): that waits until the factory's busy timeout and fails.</summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock;
    private readonly bool _ownsConnection;
    private readonly List<Action> _onCommitted = [];
    private int _released;

    internal WriteTransaction(DbConnection connection, DbTransaction transaction, SemaphoreSlim writeLock, bool ownsConnection)
    {
        Connection = connection;
        Transaction = transaction;
        _writeLock = writeLock;
        _ownsConnection = ownsConnection;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>Runs <paramref name="action"/> once the transaction has committed; never if it does not.
    /// The action must be quick and must not throw: the next write transaction waits for it.</summary>
    public void OnCommitted(Action action) => _onCommitted.Add(action);

    /// <summary>How many after-commit actions are registered so far: a mark to go back to (<see cref="DiscardActionsFrom"/>).</summary>
    internal int ActionMark => _onCommitted.Count;

    /// <summary>Forgets the after-commit actions registered since <paramref name="mark"/>: their work was rolled back to
    /// a savepoint and must not be announced.</summary>
    internal void DiscardActionsFrom(int mark) => _onCommitted.RemoveRange(mark, _onCommitted.Count - mark);

    /// <summary>Commits, runs the <see cref="OnCommitted"/> actions, then lets the next write transaction begin.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Transaction.CommitAsync(CancellationToken.None);
        try
        {
            foreach (var action in _onCommitted)
            {
                action();
            }
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Rolls back what was not committed, closes the connection if the transaction opened it, and
    /// lets the next write transaction begin.</summary>
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        if (_ownsConnection)
        {
            await Connection.DisposeAsync();
        }
        Release();
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _writeLock.Release();
        }
    }
}
