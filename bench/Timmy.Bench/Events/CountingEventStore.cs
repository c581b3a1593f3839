using System.Diagnostics;
using Timmy.Core.Events;

namespace Timmy.Bench.Events;

/// <summary>Wraps the real store to count what group commit did: how many transactions, how many events
/// each carried, and how long each <c>AppendAsync</c> (inserts + commit + fsync) took.</summary>
public sealed class CountingEventStore(IEventStore inner) : DelegatingEventStore(inner)
{
    private readonly List<(int Size, long Ticks)> _appends = [];

    public IReadOnlyList<(int Size, long Ticks)> Appends
    {
        get { lock (_appends) { return _appends.ToList(); } }
    }

    public void Reset()
    {
        lock (_appends)
        {
            _appends.Clear();
        }
    }

    public override async Task<IReadOnlyList<EventRecord>> AppendAsync(
        IReadOnlyList<NewEvent> batch, Action<IReadOnlyList<EventRecord>>? committed = null, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var ids = await Inner.AppendAsync(batch, committed, cancellationToken);
        var ticks = Stopwatch.GetTimestamp() - start;
        lock (_appends)
        {
            _appends.Add((batch.Count, ticks));
        }
        return ids;
    }
}
