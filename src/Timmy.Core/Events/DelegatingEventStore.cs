using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>An event store that hands every call to another, for decorators that change one or two of them
/// (counting, fault injection), as <c>DelegatingChatClient</c> does for chat clients.</summary>
public abstract class DelegatingEventStore(IEventStore inner) : IEventStore
{
    protected IEventStore Inner { get; } = inner;

    public virtual Task<IReadOnlyList<EventRecord>> AppendAsync(
        IReadOnlyList<NewEvent> batch, Action<IReadOnlyList<EventRecord>>? committed = null, CancellationToken cancellationToken = default) =>
        Inner.AppendAsync(batch, committed, cancellationToken);

    public virtual Task<IReadOnlyList<EventRecord>> AppendAsync(
        WriteTransaction transaction, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default) =>
        Inner.AppendAsync(transaction, events, cancellationToken);

    public virtual Task<EventPage> QueryAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        Inner.QueryAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<EventRecord>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken = default) =>
        Inner.ReadAfterAsync(afterId, limit, cancellationToken);

    public virtual Task<IReadOnlyList<EventRecord>> TimelineAsync(string? taskId, string? agentId, int limit, CancellationToken cancellationToken = default) =>
        Inner.TimelineAsync(taskId, agentId, limit, cancellationToken);

    public virtual Task<IReadOnlyList<EventTypeCount>> CountByTypeAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Inner.CountByTypeAsync(since, cancellationToken);

    public virtual IAsyncEnumerable<EventRecord> ExportAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        Inner.ExportAsync(query, cancellationToken);

    public virtual Task<EventRecord?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.GetAsync(id, cancellationToken);

    public virtual Task<long> LatestIdAsync(CancellationToken cancellationToken = default) =>
        Inner.LatestIdAsync(cancellationToken);

    public virtual Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        Inner.PruneAsync(cutoff, cancellationToken);

    public virtual Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken = default) =>
        Inner.VerifyChainAsync(cancellationToken);
}
