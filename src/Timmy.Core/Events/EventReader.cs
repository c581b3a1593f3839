namespace Timmy.Core.Events;

/// <summary>The event log as pages and the API read it: filtered pages, one event, counts per type over a recent
/// window, a task's or an agent's timeline, an export. Writing goes through <see cref="IEventLog"/>.</summary>
public sealed class EventReader(IEventStore store, TimeProvider time)
{
    /// <summary>Most events a timeline returns.</summary>
    public const int MaxTimelineLength = EventQuery.MaxLimit * 10;

    public Task<EventPage> QueryAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        store.QueryAsync(query, cancellationToken);

    /// <summary>The event, or null when there is none with that id (never logged, or pruned).</summary>
    public Task<EventRecord?> FindAsync(long id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    /// <summary>How many events of each type were logged in the last <paramref name="window"/>.</summary>
    public Task<IReadOnlyList<EventTypeCount>> CountRecentAsync(TimeSpan window, CancellationToken cancellationToken = default) =>
        store.CountByTypeAsync(time.GetUtcNow() - window, cancellationToken);

    /// <summary>Every event of one task or one agent, oldest first (at most <see cref="MaxTimelineLength"/>).</summary>
    public Task<IReadOnlyList<EventRecord>> TimelineAsync(string? taskId, string? agentId, CancellationToken cancellationToken = default) =>
        store.TimelineAsync(taskId, agentId, MaxTimelineLength, cancellationToken);

    /// <summary>Walks the hash chain from its anchor to the newest event: intact, or where it breaks.</summary>
    public Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken = default) => store.VerifyChainAsync(cancellationToken);

    /// <summary>See <see cref="IEventStore.ExportAsync"/>.</summary>
    public IAsyncEnumerable<EventRecord> ExportAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        store.ExportAsync(query, cancellationToken);
}
