using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Timmy.Core.Storage;

namespace Timmy.Bench.Swarm;

/// <summary>Wraps the real connection factory to see the process's one write path: how many write transactions
/// commit, how long each waited for the write lock and how long it held it (begin → commit → after-commit actions),
/// and which store method began it (every transaction's caller, from its stack, outside the timed part).</summary>
public sealed class CountingConnectionFactory(SqliteConnectionFactory inner) : IDbConnectionFactory
{
    private readonly ConcurrentDictionary<string, Caller> _callers = new(StringComparer.Ordinal);
    private long _commits, _waitTicks, _holdTicks;

    public long Commits => Interlocked.Read(ref _commits);

    public double WaitMs => Reporting.Percentiles.ToMs(Interlocked.Read(ref _waitTicks));

    public double HoldMs => Reporting.Percentiles.ToMs(Interlocked.Read(ref _holdTicks));

    /// <summary>Commits and lock-held time per calling store method, most commits first.</summary>
    public IReadOnlyList<(string Method, long Commits, double HoldMs)> ByCaller =>
        [.. _callers.Select(c => (c.Key, c.Value.Commits, Reporting.Percentiles.ToMs(c.Value.HoldTicks))).OrderByDescending(c => c.Item2)];

    public void Reset()
    {
        Interlocked.Exchange(ref _commits, 0);
        Interlocked.Exchange(ref _waitTicks, 0);
        Interlocked.Exchange(ref _holdTicks, 0);
        _callers.Clear();
    }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => inner.OpenAsync(cancellationToken);

    public async Task<WriteTransaction> BeginWriteAsync(DbConnection? connection = null, CancellationToken cancellationToken = default)
    {
        var caller = _callers.GetOrAdd(CallerName(), _ => new Caller());
        var asked = Stopwatch.GetTimestamp();
        var transaction = await inner.BeginWriteAsync(connection, cancellationToken);
        var began = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _waitTicks, began - asked);
        transaction.OnCommitted(() =>
        {
            var held = Stopwatch.GetTimestamp() - began;
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _holdTicks, held);
            Interlocked.Increment(ref caller.Commits);
            Interlocked.Add(ref caller.HoldTicks, held);
        });
        return transaction;
    }

    public string Describe() => inner.Describe();

    /// <summary>The first frame outside this class and the storage layer: the store method (an async method's state
    /// machine is named after it).</summary>
    private static string CallerName()
    {
        foreach (var frame in new StackTrace(1, false).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            var owner = type?.DeclaringType is { } outer && type.Name.StartsWith('<') ? outer : type;
            if (owner is null || owner == typeof(CountingConnectionFactory) || owner.Namespace is null
                || !owner.Namespace.StartsWith("Timmy.Core", StringComparison.Ordinal) || owner.Namespace == typeof(WriteTransaction).Namespace)
            {
                continue;
            }
            var method = type != owner ? type!.Name[1..type.Name.IndexOf('>')] : frame.GetMethod()!.Name;
            return $"{owner.Name}.{method}";
        }
        return "(unknown)";
    }

    private sealed class Caller
    {
        public long Commits;
        public long HoldTicks;
    }
}
