using Timmy.Core.Storage;

namespace Timmy.Core.Events;

/// <summary>The one event path (ADR-017): sanitise, store durably, then publish on the bus.</summary>
public interface IEventLog
{
    /// <summary>Logs an event on its own. Returns once the event is committed, with its id.</summary>
    /// <exception cref="ArgumentException">The type is not in <see cref="EventType"/>, or the source is empty.</exception>
    Task<EventRecord> LogAsync(
        string eventType,
        string source,
        string? taskId = null,
        string? agentId = null,
        object? data = null,
        CancellationToken cancellationToken = default);

    /// <summary>Logs a drafted event on its own (with its <see cref="EventDraft.Actor"/>), as the other overload does.</summary>
    Task<EventRecord> LogAsync(EventDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Appends an event to a store's write transaction, so the state change and its event commit together
    /// or not at all. The event is published on the bus right after that commit, in id order with every other
    /// event, and never if the transaction does not commit. The returned record is what will be published.</summary>
    /// <exception cref="ArgumentException">The type is not in <see cref="EventType"/>, or the source is empty.</exception>
    Task<EventRecord> AppendAsync(WriteTransaction transaction, EventDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Appends several events to a write transaction, in order, as <see cref="AppendAsync"/> does one: they
    /// are published after that commit, in id order, and never if it does not commit.</summary>
    /// <exception cref="ArgumentException">A type is not in <see cref="EventType"/>, or a source is empty.</exception>
    Task<IReadOnlyList<EventRecord>> AppendAllAsync(WriteTransaction transaction, IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken = default);
}
