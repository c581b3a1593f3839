using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Timmy.Core.Storage;

/// <summary>
/// Group commit: short units of write work queued at the same moment share one write transaction and one commit (one
/// fsync under <c>synchronous=FULL</c>) instead of one each. Each unit runs in its own savepoint, so a unit that throws is
/// undone alone (its after-commit actions forgotten) and its caller gets the exception; the others commit. A caller's
/// task completes only after the commit, so what it was told is durable. Once queued, a unit runs even if its caller
/// stops waiting. There is one per connection factory (<see cref="For"/>). Written here because SQLite and its ADO.NET
/// provider have no group commit of their own.
/// A unit must only use the transaction it is given: beginning another write transaction, or waiting for the event
/// log's own writer, would wait for the transaction that runs it.
/// </summary>
public sealed class GroupCommit
{
    /// <summary>Most units in one transaction.</summary>
    public const int MaxBatch = 256;

    private static readonly ConditionalWeakTable<IDbConnectionFactory, GroupCommit> PerFactory = new();

    private readonly IDbConnectionFactory _connections;
    private readonly Channel<IUnit> _queue = Channel.CreateUnbounded<IUnit>(new UnboundedChannelOptions { SingleReader = true });

    private GroupCommit(IDbConnectionFactory connections)
    {
        _connections = connections;
        _ = Task.Run(LoopAsync);
    }

    /// <summary>The group commit of this connection factory's database.</summary>
    public static GroupCommit For(IDbConnectionFactory connections) => PerFactory.GetValue(connections, c => new GroupCommit(c));

    public Task<T> RunAsync<T>(Func<WriteTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var unit = new Unit<T>(work);
        _queue.Writer.TryWrite(unit);
        return unit.Done.Task;
    }

    private async Task LoopAsync()
    {
        var batch = new List<IUnit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
            {
                batch.Add(unit);
            }
            await RunBatchAsync(batch);
        }
    }

    private async Task RunBatchAsync(List<IUnit> batch)
    {
        WriteTransaction transaction;
        try
        {
            transaction = await _connections.BeginWriteAsync();
        }
        catch (Exception ex)
        {
            batch.ForEach(u => u.Fail(ex));
            return;
        }
        var ran = new List<IUnit>(batch.Count);
        await using (transaction)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var unit = batch[i];
                var mark = transaction.ActionMark;
                try
                {
                    await transaction.Transaction.SaveAsync("unit");
                }
                catch (Exception ex)
                {
                    FailAll(batch.Skip(i).Concat(ran), ex);
                    return;
                }
                try
                {
                    await unit.RunAsync(transaction);
                    await transaction.Transaction.ReleaseAsync("unit");
                    ran.Add(unit);
                }
                catch (Exception ex)
                {
                    unit.Fail(ex);
                    if (!await UndoAsync(transaction, mark))
                    {
                        FailAll(batch.Skip(i + 1).Concat(ran), ex);
                        return;
                    }
                }
            }
            try
            {
                await transaction.CommitAsync();
            }
            catch (Exception ex)
            {
                FailAll(ran, ex);
                return;
            }
        }
        ran.ForEach(u => u.Complete());
    }

    /// <summary>Rolls the transaction back to the unit's savepoint; false when even that failed (the transaction is lost).</summary>
    private static async Task<bool> UndoAsync(WriteTransaction transaction, int mark)
    {
        try
        {
            await transaction.Transaction.RollbackAsync("unit");
            await transaction.Transaction.ReleaseAsync("unit");
            transaction.DiscardActionsFrom(mark);
            return true;
        }
        catch
        {
            return false;
        }
    }

    private static void FailAll(IEnumerable<IUnit> units, Exception ex)
    {
        foreach (var unit in units)
        {
            unit.Fail(new InvalidOperationException("The shared write transaction failed; nothing of this unit was kept.", ex));
        }
    }

    private interface IUnit
    {
        Task RunAsync(WriteTransaction transaction);

        void Complete();

        void Fail(Exception ex);
    }

    private sealed class Unit<T>(Func<WriteTransaction, Task<T>> work) : IUnit
    {
        private T? _result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task RunAsync(WriteTransaction transaction) => _result = await work(transaction);

        public void Complete() => Done.TrySetResult(_result!);

        public void Fail(Exception ex) => Done.TrySetException(ex);
    }
}
