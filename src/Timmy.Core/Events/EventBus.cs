using System.Collections.Immutable;

namespace Timmy.Core.Events;

/// <summary>Fan-out to subscriptions without ever blocking the publisher: each subscriber has its own
/// bounded buffer (see <see cref="EventSubscription"/>).</summary>
public sealed class EventBus : IEventBus
{
    private ImmutableArray<EventSubscription> _subscribers = [];

    public int SubscriberCount => _subscribers.Length;

    public EventSubscription Subscribe(int capacity, IReadOnlyList<EventTypePattern>? types = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new EventSubscription(capacity, types ?? [], Remove);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscription));
        return subscription;
    }

    /// <summary>Called by the event log only, after the event is committed.</summary>
    internal void Publish(EventRecord record)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Offer(record);
        }
    }

    private void Remove(EventSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(subscription));
}
