using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Timmy.Core.Events;

/// <summary>Writes events with group commit: callers queue their event and wait; one writer loop takes
/// everything queued (up to <see cref="MaxBatch"/>) and stores it in a single transaction, then
/// completes each caller and then publishes the batch on the bus in id order. Under a burst of writers this
/// costs one fsync per batch instead of one per event.</summary>
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
        object? data = null, CancellationToken cancellationToken = default)
    {
        if (!EventType.IsKnown(eventType))
        {
            throw new ArgumentException(
                $"Unknown event type '{EventSanitizer.Text(eventType ?? "", 64)}'. Known types: {string.Join(", ", EventType.All)}.",
                nameof(eventType));
        }
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException("An event needs a source.", nameof(source));
        }
        cancellationToken.ThrowIfCancellationRequested();

        var draft = new NewEvent(
            eventType,
            EventSanitizer.Text(source.Trim(), EventSanitizer.MaxSourceLength),
            EventSanitizer.OptionalField(taskId),
            EventSanitizer.OptionalField(agentId),
            EventSanitizer.Data(data),
            TruncateToMicroseconds(_time.GetUtcNow()));
        // Once queued, the event is written even if this caller stops waiting.
        var pending = new Pending(draft, new TaskCompletionSource<EventRecord>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EventLog), "The event log is shut down.");
        }
        return pending.Done.Task.WaitAsync(cancellationToken);
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
        IReadOnlyList<long> ids;
        try
        {
            ids = await _store.AppendAsync(drafts);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not store {Count} events", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
            return;
        }

        // Callers first (their events are durable now), then listeners, in id order.
        var records = new EventRecord[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            records[i] = batch[i].Draft.WithId(ids[i]);
            batch[i].Done.TrySetResult(records[i]);
        }
        foreach (var record in records)
        {
            _bus.Publish(record);
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
