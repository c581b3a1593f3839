using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

public sealed class EventPruningServiceTests
{
    [Fact]
    public async Task PruneOnce_DeletesEventsOlderThanRetention_AndLogsWhatItDid()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new SqliteEventStore(db.Connections);
        await using var log = new EventLog(store, new EventBus(), time, NullLogger<EventLog>.Instance);
        await log.LogAsync(EventType.TaskCreated, "old", cancellationToken: TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromDays(20));
        await log.LogAsync(EventType.TaskCreated, "recent", cancellationToken: TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromDays(15));
        var service = new EventPruningService(store, log, Options.Create(new EventsOptions { RetentionDays = 30 }), time, NullLogger<EventPruningService>.Instance);

        var deleted = await service.PruneOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, deleted);
        var remaining = (await store.QueryAsync(new EventQuery(), cancellationToken: TestContext.Current.CancellationToken)).Items;
        Assert.Equal(["events.pruning", "recent"], remaining.Select(e => e.Source));
        Assert.Equal(EventType.SystemInfo, remaining[0].EventType);
        Assert.Equal(1, remaining[0].Data.GetProperty("deleted").GetInt64());
    }
}
