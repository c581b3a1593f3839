using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

/// <summary>Events appended to a store's write transaction: stored and published with its commit, in id order
/// with events logged alone, and neither when it does not commit.</summary>
public sealed class EventLogTransactionTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private EventBus Bus => _db.Bus;
    private EventLog Log => _db.Events;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Append_RolledBack_StoresAndPublishesNothing()
    {
        using var subscription = Bus.Subscribe(10);
        await using (var transaction = await _db.Connections.BeginWriteAsync(cancellationToken: Ct))
        {
            await Log.AppendAsync(transaction, new EventDraft(EventType.SystemInfo, "test"), Ct);
        }

        var next = await Log.LogAsync(EventType.SystemWarning, "after", cancellationToken: Ct);

        Assert.Equal([next.Id], (await StoredAsync()).Select(e => e.Id));
        Assert.Equal(next.Id, (await subscription.ReadAsync(Ct)).Event!.Id);
    }

    [Fact]
    public async Task Append_Committed_PublishesOnlyAfterTheCommit_InOrder()
    {
        using var subscription = Bus.Subscribe(10);
        await using var transaction = await _db.Connections.BeginWriteAsync(cancellationToken: Ct);
        var first = await Log.AppendAsync(transaction, new EventDraft(EventType.TaskCreated, "test", new { n = 1 }, TaskId: "t1"), Ct);
        var second = await Log.AppendAsync(transaction, new EventDraft(EventType.TaskAssigned, "test", new { n = 2 }, TaskId: "t1"), Ct);
        var read = subscription.ReadAsync(Ct);
        Assert.False(read.IsCompleted);

        await transaction.CommitAsync(Ct);

        Assert.Equal(first, (await read).Event);
        Assert.Equal(second, (await subscription.ReadAsync(Ct)).Event);
        Assert.Equal([first.Id, second.Id], (await StoredAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Append_IsSanitisedAndCheckedLikeLog()
    {
        await using var transaction = await _db.Connections.BeginWriteAsync(cancellationToken: Ct);

        var record = await Log.AppendAsync(transaction, new EventDraft(EventType.SystemInfo, "src\nx", new { token = "s3cret" }), Ct);
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync(transaction, new EventDraft("task.exploded", "x"), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync(transaction, new EventDraft(EventType.SystemInfo, " "), Ct));

        Assert.Equal("src\\nx", record.Source);
        Assert.Equal("[redacted]", record.Data.GetProperty("token").GetString());
        Assert.Contains("Unknown event type 'task.exploded'", unknown.Message);
    }

    [Fact]
    public async Task ManyWritersOnBothPaths_BusSeesEveryCommittedEventInStrictlyIncreasingIdOrder()
    {
        const int writersPerPath = 8;
        const int perWriter = 25;
        using var subscription = Bus.Subscribe(10_000);

        var alone = Enumerable.Range(0, writersPerPath).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await Log.LogAsync(EventType.BidSubmitted, $"alone-{w}", data: new { i });
            }
        }));
        var transactional = Enumerable.Range(0, writersPerPath).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await using var transaction = await _db.Connections.BeginWriteAsync();
                // Widens the moment between commit and publication: a later commit publishing first would show.
                transaction.OnCommitted(() => Thread.Sleep(5));
                await Log.AppendAsync(transaction, new EventDraft(EventType.TaskCreated, $"tx-{w}", new { i }));
                if (i % 5 == 4)
                {
                    continue; // rolled back: neither stored nor published
                }
                await Log.AppendAsync(transaction, new EventDraft(EventType.TaskAssigned, $"tx-{w}", new { i }));
                await transaction.CommitAsync();
            }
        }));
        await Task.WhenAll(alone.Concat(transactional));

        var stored = (await StoredAsync()).Select(e => e.Id).ToList();
        Assert.Equal(writersPerPath * perWriter + writersPerPath * (perWriter - perWriter / 5) * 2, stored.Count);
        var published = new List<long>();
        while (published.Count < stored.Count)
        {
            published.Add((await subscription.ReadAsync(Ct)).Event!.Id);
        }
        Assert.Equal(stored, published);
    }

    private Task<IReadOnlyList<EventRecord>> StoredAsync() => _db.StoredEventsAsync();
}
