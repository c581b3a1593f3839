using Timmy.Core.Events;
using Timmy.Core.Refusals;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Swarm;

/// <summary>The task store enforces the state machine in SQL, commits each change with its events, and keeps bids honest.</summary>
public sealed class SqliteTaskStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private SqliteTaskStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new SqliteTaskStore(_db.Connections, _db.Events, TimeProvider.System);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private Task<SwarmTask> CreateAsync(string description = "Write the docs", long maxBid = 100) =>
        _store.CreateAsync(new NewSwarmTask(description, maxBid, "owner", DateTimeOffset.UtcNow), t => [SwarmEvents.Created(t, "owner")], Ct);

    [Fact]
    public async Task Create_StoresTheTaskBidding_WithItsEvent_InOneTransaction()
    {
        var task = await CreateAsync();

        Assert.Equal(SwarmTaskStatus.Bidding, task.Status);
        var stored = await _store.GetAsync(task.Id, Ct);
        Assert.Equal((task.Description, task.MaxBidSats, task.CreatedAt), (stored!.Description, stored.MaxBidSats, stored.CreatedAt));
        var created = Assert.Single(await _db.StoredEventsAsync());
        Assert.Equal((EventType.TaskCreated, task.Id, "owner"), (created.EventType, created.TaskId, created.Actor));
    }

    [Fact]
    public async Task AnIllegalMove_ChangesNothing_AndLogsNothing()
    {
        var task = await CreateAsync();

        var refused = await Assert.ThrowsAsync<IllegalTaskTransitionException>(() =>
            _store.MoveAsync(new TaskChange(task.Id, SwarmTaskStatus.Completed) { Result = "done" }, t => [SwarmEvents.Failed(t)], Ct));

        Assert.Equal(("bidding", "completed"), (refused.From, refused.To));
        var unchanged = await _store.GetAsync(task.Id, Ct);
        Assert.Equal(SwarmTaskStatus.Bidding, unchanged!.Status);
        Assert.Null(unchanged.Result);
        Assert.Single(await _db.StoredEventsAsync());
    }

    [Fact]
    public async Task MovingAnUnknownTask_IsNotFound()
    {
        await Assert.ThrowsAsync<TaskNotFoundException>(() => _store.MoveAsync(new TaskChange("nope", SwarmTaskStatus.Failed), _ => [], Ct));
    }

    [Fact]
    public async Task TwoRacingMoves_OnlyOneWins()
    {
        var task = await CreateAsync();
        var moves = new[] { SwarmTaskStatus.Cancelled, SwarmTaskStatus.Failed, SwarmTaskStatus.Cancelled, SwarmTaskStatus.Failed }
            .Select(to => Task.Run(async () =>
            {
                try
                {
                    await _store.MoveAsync(new TaskChange(task.Id, to) { Error = to }, t => [SwarmEvents.Failed(t)], Ct);
                    return true;
                }
                catch (IllegalTaskTransitionException)
                {
                    return false;
                }
            }));

        var won = await Task.WhenAll(moves);

        Assert.Equal(1, won.Count(w => w));
        Assert.Equal(2, (await _db.StoredEventsAsync()).Count);
    }

    [Fact]
    public async Task Moves_StampStartAndCompletionTimes()
    {
        var task = await CreateAsync();
        await _store.MoveAsync(new TaskChange(task.Id, SwarmTaskStatus.Assigned) { AssignedAgent = "forge", WinningBidSats = 60 }, _ => [], Ct);
        var running = await _store.MoveAsync(new TaskChange(task.Id, SwarmTaskStatus.Running), _ => [], Ct);
        var done = await _store.MoveAsync(new TaskChange(task.Id, SwarmTaskStatus.Completed) { Result = "**ok**" }, _ => [], Ct);

        Assert.NotNull(running.StartedAt);
        Assert.Null(running.CompletedAt);
        Assert.Equal(("forge", 60L, "**ok**"), (done.AssignedAgent, done.WinningBidSats!.Value, done.Result));
        Assert.NotNull(done.CompletedAt);
    }

    [Fact]
    public async Task Bids_OverTheMax_OrOnAClosedAuction_AreRefused_WithNothingStored()
    {
        var task = await CreateAsync(maxBid: 50);

        var over = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            _store.AddBidsAsync(task.Id, [new NewBid(task.Id, "a", 10), new NewBid(task.Id, "b", 51)], (b, n) => SwarmEvents.BidSubmitted(b, n, null), Ct));
        Assert.Equal("amount_sats", over.Field);
        Assert.Empty(await _store.BidsAsync(task.Id, Ct));

        await _store.MoveAsync(new TaskChange(task.Id, SwarmTaskStatus.Cancelled), _ => [], Ct);
        await Assert.ThrowsAsync<AuctionClosedException>(() =>
            _store.AddBidsAsync(task.Id, [new NewBid(task.Id, "a", 10)], (b, n) => SwarmEvents.BidSubmitted(b, n, null), Ct));
        Assert.Empty(await _store.BidsAsync(task.Id, Ct));
        await Assert.ThrowsAsync<TaskNotFoundException>(() =>
            _store.AddBidsAsync("nope", [new NewBid("nope", "a", 10)], (b, n) => SwarmEvents.BidSubmitted(b, n, null), Ct));
    }

    [Fact]
    public async Task WritesInOneTransaction_CommitTogether_OrNotAtAll()
    {
        var task = await CreateAsync();
        await using (var transaction = await _db.Connections.BeginWriteAsync(cancellationToken: Ct))
        {
            var bids = await _store.InsertBidsAsync(transaction, task.Id, [new NewBid(task.Id, "a", 40), new NewBid(task.Id, "b", 30)], Ct);
            await _store.MoveAsync(transaction, new TaskChange(task.Id, SwarmTaskStatus.Assigned) { AssignedAgent = "b", WinningBidSats = 30, WinningBidId = bids[1].Id }, Ct);
            // Not committed: disposing rolls it all back.
        }
        Assert.Empty(await _store.BidsAsync(task.Id, Ct));
        Assert.Equal(SwarmTaskStatus.Bidding, (await _store.GetAsync(task.Id, Ct))!.Status);

        await using (var transaction = await _db.Connections.BeginWriteAsync(cancellationToken: Ct))
        {
            var bids = await _store.InsertBidsAsync(transaction, task.Id, [new NewBid(task.Id, "a", 40), new NewBid(task.Id, "b", 30)], Ct);
            Assert.Equal(2, (await _store.BidsAsync(transaction, task.Id, Ct)).Count);
            await _store.MoveAsync(transaction, new TaskChange(task.Id, SwarmTaskStatus.Assigned) { AssignedAgent = "b", WinningBidSats = 30, WinningBidId = bids[1].Id }, Ct);
            await transaction.CommitAsync(Ct);
        }
        Assert.Equal([false, true], (await _store.BidsAsync(task.Id, Ct)).Select(b => b.Won));
        Assert.Equal("b", (await _store.GetAsync(task.Id, Ct))!.AssignedAgent);
    }

    [Fact]
    public async Task List_FiltersAndPagesNewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreateAsync($"task number {i}")).Id);
        }
        await _store.MoveAsync(new TaskChange(ids[1], SwarmTaskStatus.Failed) { Error = "x" }, _ => [], Ct);

        var first = await _store.ListAsync(new TaskQuery { Limit = 2 }, Ct);
        var second = await _store.ListAsync(new TaskQuery { Limit = 2, BeforeId = first.OlderCursor }, Ct);
        var third = await _store.ListAsync(new TaskQuery { Limit = 2, BeforeId = second.OlderCursor }, Ct);

        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], first.Items.Concat(second.Items).Concat(third.Items).Select(t => t.Id));
        Assert.Null(third.OlderCursor);
        Assert.Equal([ids[1]], (await _store.ListAsync(new TaskQuery { Statuses = ["failed"] }, Ct)).Items.Select(t => t.Id));
        Assert.Equal([ids[3]], (await _store.ListAsync(new TaskQuery { Text = "NUMBER 3" }, Ct)).Items.Select(t => t.Id));
        Assert.Equal(4, (await _store.CountByStatusAsync(Ct))["bidding"]);
    }
}
