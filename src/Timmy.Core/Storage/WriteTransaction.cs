using System.Data.Common;

namespace Timmy.Core.Storage;

/// <summary>A unit of work: one connection in one write transaction, begun by
/// <see cref="IDbConnectionFactory.BeginWriteAsync"/>. What is written through <see cref="Connection"/> and
/// <see cref="Transaction"/> commits together in <see cref="CommitAsync"/>, or not at all when the transaction is
/// disposed without it. Actions given to <see cref="OnCommitted"/> run right after the commit, in the order given,
/// and before any later commit through the same factory runs its own: the event log publishes there, so the bus
/// hears events in commit order, which is id order.</summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly SemaphoreSlim _commitOrder;
    private readonly bool _ownsConnection;
    private readonly List<Action> _onCommitted = [];

    internal WriteTransaction(DbConnection connection, DbTransaction transaction, SemaphoreSlim commitOrder, bool ownsConnection)
    {
        Connection = connection;
        Transaction = transaction;
        _commitOrder = commitOrder;
        _ownsConnection = ownsConnection;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>Runs <paramref name="action"/> once the transaction has committed; never if it does not.
    /// The action must be quick and must not throw: later commits wait for it.</summary>
    public void OnCommitted(Action action) => _onCommitted.Add(action);

    /// <summary>Commits, then runs the <see cref="OnCommitted"/> actions. The commit is made while holding the
    /// factory's commit order, taken only now (this transaction already holds the database's write lock, so
    /// whoever holds the order has committed or is about to, and never waits for this one).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _commitOrder.WaitAsync(cancellationToken);
        try
        {
            await Transaction.CommitAsync(CancellationToken.None);
            foreach (var action in _onCommitted)
            {
                action();
            }
        }
        finally
        {
            _commitOrder.Release();
        }
    }

    /// <summary>Rolls back what was not committed and closes the connection if the transaction opened it.</summary>
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        if (_ownsConnection)
        {
            await Connection.DisposeAsync();
        }
    }
}
