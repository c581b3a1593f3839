namespace Timmy.Core.Events;

/// <summary>The in-process bus: the event log publishes every committed event here, in id order; the
/// WebSocket feed and live pages subscribe. Nothing else publishes.</summary>
public interface IEventBus
{
    /// <param name="capacity">How many events may wait unread before new ones are dropped (and reported as a gap).</param>
    /// <param name="types">Only events matching one of these are delivered; empty means all.</param>
    EventSubscription Subscribe(int capacity, IReadOnlyList<EventTypePattern>? types = null);

    int SubscriberCount { get; }
}
