using Timmy.Core.Refusals;
using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>Logs a batch of events that belong to no state change, all or nothing: one write transaction, one
/// commit, then the whole batch is published on the bus in id order. Each event is checked and sanitised as
/// <see cref="IEventLog.LogAsync"/> checks one.</summary>
public sealed class EventBatchLog(IDbConnectionFactory connections, IEventLog log)
{
    public const int MaxEvents = 1000;

    /// <summary>Returns once every event is committed, with their records in the order given.</summary>
    /// <exception cref="InvalidFieldException">The batch is empty or holds more than <see cref="MaxEvents"/> events.</exception>
    public async Task<IReadOnlyList<EventRecord>> LogAllAsync(IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken = default)
    {
        if (drafts.Count is 0 or > MaxEvents)
        {
            throw new InvalidFieldException("events", TooManyOrNone(drafts.Count));
        }
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var records = await log.AppendAllAsync(transaction, drafts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return records;
    }

    public static string TooManyOrNone(int count) => count == 0
        ? $"'events' is empty: a batch holds 1 to {MaxEvents} events."
        : $"'events' holds {count} events: a batch holds at most {MaxEvents}; split it.";
}
