using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

public sealed class EventLogTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private CountingEventStore _store = default!;
    private EventBus _bus = default!;
    private EventLog _log = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new CountingEventStore(new SqliteEventStore(_db.Connections));
        _bus = new EventBus();
        _log = new EventLog(_store, _bus, _time, NullLogger<EventLog>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _log.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task LogAsync_ReturnsOnlyOnceStored_AndPublishesTheSameRecord()
    {
        using var subscription = _bus.Subscribe(10);

        var record = await _log.LogAsync(EventType.TaskCreated, "coordinator", "task-1", null, new { description = "write" }, TestContext.Current.CancellationToken);

        var stored = await _store.GetAsync(record.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal("task-1", stored.TaskId);
        Assert.Equal("write", stored.Data.GetProperty("description").GetString());
        Assert.Equal(_time.GetUtcNow(), stored.Timestamp);
        var published = await subscription.ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(record.Id, published.Event!.Id);
    }

    [Fact]
    public async Task LogAsync_UnknownType_ThrowsAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _log.LogAsync("task.exploded", "x", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Unknown event type 'task.exploded'", error.Message);
        Assert.Equal(0, await _store.LatestIdAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LogAsync_EmptySource_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _log.LogAsync(EventType.SystemInfo, "  ", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LogAsync_FieldsAreSanitised()
    {
        var record = await _log.LogAsync(EventType.SystemInfo, "src\nsystem.error fake", "t\r\n1", data: new { token = "s3cret" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("src\\nsystem.error fake", record.Source);
        Assert.Equal("t\\r\\n1", record.TaskId);
        Assert.Equal("[redacted]", record.Data.GetProperty("token").GetString());
    }

    [Fact]
    public async Task LogAsync_ConcurrentBurst_IsGroupCommittedInFewerTransactions()
    {
        using var subscription = _bus.Subscribe(5000);
        const int writers = 64;
        const int perWriter = 20;

        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var ids = new List<long>();
            for (var i = 0; i < perWriter; i++)
            {
                ids.Add((await _log.LogAsync(EventType.BidSubmitted, $"writer-{w}", data: new { i })).Id);
            }
            return ids;
        }));
        var all = (await Task.WhenAll(tasks)).SelectMany(x => x).ToList();

        Assert.Equal(writers * perWriter, all.Distinct().Count());
        Assert.Equal(writers * perWriter, await _store.LatestIdAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.True(_store.Batches < writers * perWriter, $"expected batching, got {_store.Batches} transactions for {all.Count} events");
        // Published strictly in id order.
        var previous = 0L;
        for (var i = 0; i < all.Count; i++)
        {
            var item = await subscription.ReadAsync(TestContext.Current.CancellationToken);
            Assert.True(item.Event!.Id > previous);
            previous = item.Event.Id;
        }
    }

    [Fact]
    public async Task LogAsync_StoreFails_CallerSeesErrorAndNothingIsPublished()
    {
        using var subscription = _bus.Subscribe(10);
        _store.FailNext = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _log.LogAsync(EventType.SystemInfo, "x", cancellationToken: TestContext.Current.CancellationToken));

        var next = await _log.LogAsync(EventType.SystemInfo, "after", cancellationToken: TestContext.Current.CancellationToken);
        var item = await subscription.ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(next.Id, item.Event!.Id);
    }

    [Fact]
    public async Task DisposeAsync_WritesEverythingAlreadyQueued()
    {
        var pending = Enumerable.Range(0, 50).Select(i => _log.LogAsync(EventType.SystemInfo, "shutdown", data: new { i })).ToList();

        await _log.DisposeAsync();

        await Task.WhenAll(pending);
        Assert.Equal(50, await _store.LatestIdAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    private sealed class CountingEventStore(IEventStore inner) : DelegatingEventStore(inner)
    {
        private int _batches;

        public int Batches => Volatile.Read(ref _batches);
        public bool FailNext { get; set; }

        public override Task<IReadOnlyList<EventRecord>> AppendAsync(
            IReadOnlyList<NewEvent> batch, Action<IReadOnlyList<EventRecord>>? committed = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _batches);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("disk full");
            }
            return Inner.AppendAsync(batch, committed, cancellationToken);
        }
    }
}
