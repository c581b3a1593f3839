using System.Diagnostics;
using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.Bench.Events;

/// <summary>Wraps the real store to count what group commit did: how many transactions, how many events
/// each carried, and how long each <c>AppendAsync</c> (inserts + commit + fsync) took.</summary>
public sealed class CountingEventStore(IEventStore inner) : IEventStore
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

    public async Task<IReadOnlyList<long>> AppendAsync(
        IReadOnlyList<NewEvent> batch, Action<IReadOnlyList<long>>? committed = null, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var ids = await inner.AppendAsync(batch, committed, cancellationToken);
        var ticks = Stopwatch.GetTimestamp() - start;
        lock (_appends)
        {
            _appends.Add((batch.Count, ticks));
        }
        return ids;
    }

    public Task<IReadOnlyList<long>> AppendAsync(
        WriteTransaction transaction, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(transaction, events, cancellationToken);

    public Task<EventPage> QueryAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<EventRecord>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadAfterAsync(afterId, limit, cancellationToken);

    public Task<IReadOnlyList<EventRecord>> TimelineAsync(string? taskId, string? agentId, int limit, CancellationToken cancellationToken = default) =>
        inner.TimelineAsync(taskId, agentId, limit, cancellationToken);

    public Task<IReadOnlyList<EventTypeCount>> CountByTypeAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        inner.CountByTypeAsync(since, cancellationToken);

    public IAsyncEnumerable<EventRecord> ExportAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        inner.ExportAsync(query, cancellationToken);

    public Task<EventRecord?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(id, cancellationToken);

    public Task<long> LatestIdAsync(CancellationToken cancellationToken = default) =>
        inner.LatestIdAsync(cancellationToken);

    public Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        inner.PruneAsync(cutoff, cancellationToken);
}
