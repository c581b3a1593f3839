using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>Writes events logged alone with group commit: callers queue their event and wait; one writer loop
/// takes everything queued (up to <see cref="MaxBatch"/>) and stores it in a single transaction, then
/// completes each caller and publishes the batch on the bus in id order. Under a burst of writers this
/// costs one fsync per batch instead of one per event. An event that belongs to a state change is appended
/// to the store's own transaction instead (<see cref="AppendAsync"/>) and published after that commits;
/// both paths publish from inside the connection factory's commit order, so the bus hears every event in id order.</summary>
public sealed class EventLog : IEventLog, IAsyncDisposable
{
    public const int MaxBatch = 1024;

    private readonly IEventStore _store;
    private readonly EventBus _bus;
    private readonly TimeProvider _time;
    private readonly ILogger<EventLog> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public EventLog(IEventStore store, EventBus bus, TimeProvider time, ILogger<EventLog> logger)
    {
        _store = store;
        _bus = bus;
        _time = time;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task<EventRecord> LogAsync(
        string eventType, string source, string? taskId = null, string? agentId = null,
        object? data = null, CancellationToken cancellationToken = default) =>
        LogAsync(new EventDraft(eventType, source, data, taskId, agentId), cancellationToken);

    public Task<EventRecord> LogAsync(EventDraft draft, CancellationToken cancellationToken = default)
    {
        var stamped = Stamp(draft);
        cancellationToken.ThrowIfCancellationRequested();
        // Once queued, the event is written even if this caller stops waiting.
        var pending = new Pending(stamped, new TaskCompletionSource<EventRecord>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EventLog), "The event log is shut down.");
        }
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    public async Task<EventRecord> AppendAsync(WriteTransaction transaction, EventDraft draft, CancellationToken cancellationToken = default) =>
        (await AppendAllAsync(transaction, [draft], cancellationToken))[0];

    public async Task<IReadOnlyList<EventRecord>> AppendAllAsync(
        WriteTransaction transaction, IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken = default)
    {
        var stamped = new NewEvent[drafts.Count];
        for (var i = 0; i < stamped.Length; i++)
        {
            stamped[i] = Stamp(drafts[i]);
        }
        var records = await _store.AppendAsync(transaction, stamped, cancellationToken);
        transaction.OnCommitted(() =>
        {
            foreach (var record in records)
            {
                _bus.Publish(record);
            }
        });
        return records;
    }

    /// <summary>Checks and sanitises an event the same way on both paths, and stamps it with the time.</summary>
    private NewEvent Stamp(EventDraft draft)
    {
        if (!EventType.IsKnown(draft.EventType))
        {
            throw new ArgumentException(
                $"Unknown event type '{EventSanitizer.Text(draft.EventType ?? "", 64)}'. Known types: {string.Join(", ", EventType.All)}.",
                "eventType");
        }
        if (string.IsNullOrWhiteSpace(draft.Source))
        {
            throw new ArgumentException("An event needs a source.", "source");
        }
        return new NewEvent(
            draft.EventType,
            EventSanitizer.Text(draft.Source.Trim(), EventSanitizer.MaxSourceLength),
            EventSanitizer.OptionalField(draft.TaskId),
            EventSanitizer.OptionalField(draft.AgentId),
            EventSanitizer.Data(draft.Data),
            TruncateToMicroseconds(_time.GetUtcNow()),
            EventSanitizer.OptionalField(draft.Actor));
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var drafts = new List<NewEvent>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            drafts.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                drafts.Add(next.Draft);
            }
            await WriteBatchAsync(batch, drafts);
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch, List<NewEvent> drafts)
    {
        try
        {
            // Callers first (their events are durable now), then listeners, in id order, before any later commit.
            await _store.AppendAsync(drafts, records =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(records[i]);
                }
                foreach (var record in records)
                {
                    _bus.Publish(record);
                }
            });
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not store {Count} events", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    // The store keeps microseconds; the caller gets exactly what a later read returns.
    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset t) => new(t.Ticks - t.Ticks % 10, t.Offset);

    /// <summary>Stops accepting events and waits until every queued one is stored.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record Pending(NewEvent Draft, TaskCompletionSource<EventRecord> Done);
}
