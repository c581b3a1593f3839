using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>Durable storage of the event log. Implementations must assign ids in commit order.</summary>
public interface IEventStore
{
    /// <summary>Stores the batch in one transaction of its own and returns the events as stored (id, chain links) in batch order.
    /// <paramref name="committed"/> gets them right after the commit, in the database's commit order
    /// (see <see cref="WriteTransaction.OnCommitted"/>).</summary>
    Task<IReadOnlyList<EventRecord>> AppendAsync(
        IReadOnlyList<NewEvent> batch, Action<IReadOnlyList<EventRecord>>? committed = null, CancellationToken cancellationToken = default);

    /// <summary>Stores the events inside <paramref name="transaction"/> (durable when it commits, gone if it does not)
    /// and returns them as stored, in order.</summary>
    Task<IReadOnlyList<EventRecord>> AppendAsync(
        WriteTransaction transaction, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default);

    Task<EventPage> QueryAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Events with id greater than <paramref name="afterId"/>, oldest first (for resuming a feed).</summary>
    Task<IReadOnlyList<EventRecord>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every event for one task or agent, oldest first.</summary>
    Task<IReadOnlyList<EventRecord>> TimelineAsync(string? taskId, string? agentId, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EventTypeCount>> CountByTypeAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Every event matching the filters (cursors and limit ignored), newest first, streamed.</summary>
    IAsyncEnumerable<EventRecord> ExportAsync(EventQuery query, CancellationToken cancellationToken = default);

    Task<EventRecord?> GetAsync(long id, CancellationToken cancellationToken = default);

    Task<long> LatestIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the oldest events, up to the first one logged at or after <paramref name="cutoff"/>, in chunks, and
    /// keeps the last deleted event's hash as the chain's anchor; returns how many.</summary>
    Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>Walks the hash chain from its anchor to the newest event (see <see cref="EventChain"/>).</summary>
    Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken = default);
}
