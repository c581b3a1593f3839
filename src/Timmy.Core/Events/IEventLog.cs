namespace Timmy.Core.Events;

/// <summary>The one event path (ADR-017): sanitise, store durably, then publish on the bus.</summary>
public interface IEventLog
{
    /// <summary>Logs an event. Returns once the event is committed, with its id.</summary>
    /// <exception cref="ArgumentException">The type is not in <see cref="EventType"/>, or the source is empty.</exception>
    Task<EventRecord> LogAsync(
        string eventType,
        string source,
        string? taskId = null,
        string? agentId = null,
        object? data = null,
        CancellationToken cancellationToken = default);
}
