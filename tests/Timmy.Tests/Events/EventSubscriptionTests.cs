using Timmy.Core.Events;

namespace Timmy.Tests.Events;

public sealed class EventSubscriptionTests
{
    [Fact]
    public async Task Offer_BeyondCapacity_DropsAndReportsOneGapAfterTheBufferedEvents()
    {
        var bus = new EventBus();
        using var subscription = bus.Subscribe(capacity: 3);

        for (var id = 1; id <= 8; id++)
        {
            bus.Publish(Record(id));
        }
        var first = new List<FeedItem>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await subscription.ReadAsync(TestContext.Current.CancellationToken));
        }
        bus.Publish(Record(9));
        var after = await subscription.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2, 3], first.Take(3).Select(i => i.Event!.Id));
        Assert.Equal(new EventGap(5, 4), first[3].Gap);
        Assert.Equal(9, after.Event!.Id);
        Assert.Equal(5, subscription.TotalDropped);
    }

    [Fact]
    public async Task Publish_SlowSubscriber_DoesNotAffectOthers()
    {
        var bus = new EventBus();
        using var slow = bus.Subscribe(capacity: 1);
        using var fast = bus.Subscribe(capacity: 100);

        for (var id = 1; id <= 50; id++)
        {
            bus.Publish(Record(id));
        }

        for (var id = 1; id <= 50; id++)
        {
            Assert.Equal(id, (await fast.ReadAsync(TestContext.Current.CancellationToken)).Event!.Id);
        }
        Assert.Equal(49, slow.TotalDropped);
    }

    [Fact]
    public async Task Types_FilterDelivery_AndCanBeChanged()
    {
        var bus = new EventBus();
        EventTypePattern.TryParseAll(["task.*"], out var tasks, out _);
        EventTypePattern.TryParseAll(["agent.joined"], out var joined, out _);
        using var subscription = bus.Subscribe(10, tasks);

        bus.Publish(Record(1, EventType.AgentJoined));
        bus.Publish(Record(2, EventType.TaskCreated));
        subscription.SetTypes(joined);
        bus.Publish(Record(3, EventType.TaskCreated));
        bus.Publish(Record(4, EventType.AgentJoined));

        Assert.Equal(2, (await subscription.ReadAsync(TestContext.Current.CancellationToken)).Event!.Id);
        Assert.Equal(4, (await subscription.ReadAsync(TestContext.Current.CancellationToken)).Event!.Id);
    }

    [Fact]
    public void Dispose_RemovesTheSubscriber()
    {
        var bus = new EventBus();
        var subscription = bus.Subscribe(1);

        subscription.Dispose();

        Assert.Equal(0, bus.SubscriberCount);
    }

    private static EventRecord Record(long id, string type = EventType.SystemInfo) =>
        new(id, type, "test", null, null, EventSanitizer.Data(null), DateTimeOffset.UnixEpoch);
}
