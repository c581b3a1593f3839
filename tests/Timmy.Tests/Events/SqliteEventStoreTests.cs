using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

public sealed class SqliteEventStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase _db = default!;
    private SqliteEventStore _store = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new SqliteEventStore(_db.Connections);
        // 1..6, one minute apart.
        await _store.AppendAsync(
        [
            New(EventType.TaskCreated, "coordinator", "t1", null, 0),
            New(EventType.AgentJoined, "registry", null, "echo", 1),
            New(EventType.TaskAssigned, "coordinator", "t1", "echo", 2),
            New(EventType.BidSubmitted, "auction", "t1", "mace", 3),
            New(EventType.TaskCompleted, "echo", "t1", "echo", 4),
            New(EventType.TaskCreated, "coordinator", "t2", null, 5),
        ]);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Query_NoFilter_NewestFirst()
    {
        var page = await _store.QueryAsync(new EventQuery(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([6L, 5, 4, 3, 2, 1], page.Items.Select(e => e.Id));
        Assert.Null(page.OlderCursor);
        Assert.Null(page.NewerCursor);
    }

    [Fact]
    public async Task Query_PrefixAndExactTypes_MatchOnlyThose()
    {
        var page = await _store.QueryAsync(new EventQuery { Types = [Pattern("task.*"), Pattern("agent.joined")] }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([6L, 5, 3, 2, 1], page.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Query_TaskAgentSource_AreAnded()
    {
        var page = await _store.QueryAsync(new EventQuery { TaskId = "t1", AgentId = "echo", Source = "coordinator" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([3L], page.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Query_TimeRange_FromInclusiveToExclusive()
    {
        var page = await _store.QueryAsync(new EventQuery { From = T0.AddMinutes(1), To = T0.AddMinutes(3) }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([3L, 2], page.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Query_KeysetPaging_WalksEveryEventOnceInBothDirections()
    {
        var first = await _store.QueryAsync(new EventQuery { Limit = 4 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([6L, 5, 4, 3], first.Items.Select(e => e.Id));
        Assert.Equal(3, first.OlderCursor);
        Assert.Null(first.NewerCursor);

        var second = await _store.QueryAsync(new EventQuery { Limit = 4, BeforeId = first.OlderCursor }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([2L, 1], second.Items.Select(e => e.Id));
        Assert.Null(second.OlderCursor);
        Assert.Equal(2, second.NewerCursor);

        var back = await _store.QueryAsync(new EventQuery { Limit = 4, AfterId = second.NewerCursor }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([6L, 5, 4, 3], back.Items.Select(e => e.Id));
        Assert.Null(back.NewerCursor);
        Assert.Equal(3, back.OlderCursor);
    }

    [Fact]
    public async Task Query_PagingWithFilter_CursorsRespectTheFilter()
    {
        var first = await _store.QueryAsync(new EventQuery { TaskId = "t1", Limit = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        var second = await _store.QueryAsync(new EventQuery { TaskId = "t1", Limit = 2, BeforeId = first.OlderCursor }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([5L, 4], first.Items.Select(e => e.Id));
        Assert.Equal([3L, 1], second.Items.Select(e => e.Id));
        Assert.Null(second.OlderCursor);
    }

    [Fact]
    public async Task Timeline_OneTask_OldestFirst()
    {
        var timeline = await _store.TimelineAsync("t1", null, 100, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([1L, 3, 4, 5], timeline.Select(e => e.Id));
    }

    [Fact]
    public async Task Timeline_OneAgent_OldestFirst()
    {
        Assert.Equal([2L, 3, 5], (await _store.TimelineAsync(null, "echo", 100, cancellationToken: TestContext.Current.CancellationToken)).Select(e => e.Id));
    }

    [Fact]
    public async Task CountByType_CountsOnlyEventsSinceTheGivenTime()
    {
        var counts = await _store.CountByTypeAsync(T0.AddMinutes(3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, counts.Sum(c => c.Count));
        Assert.Equal(1, counts.Single(c => c.EventType == EventType.TaskCreated).Count);
    }

    [Fact]
    public async Task ReadAfter_ReturnsLaterEventsOldestFirst()
    {
        Assert.Equal([5L, 6], (await _store.ReadAfterAsync(4, 10, cancellationToken: TestContext.Current.CancellationToken)).Select(e => e.Id));
    }

    [Fact]
    public async Task Export_IgnoresPagingAndStreamsAllMatches()
    {
        var exported = new List<long>();
        await foreach (var e in _store.ExportAsync(new EventQuery { Types = [Pattern("task.*")], Limit = 1, BeforeId = 2 }, cancellationToken: TestContext.Current.CancellationToken))
        {
            exported.Add(e.Id);
        }

        Assert.Equal([6L, 5, 3, 1], exported);
    }

    [Fact]
    public async Task Prune_DeletesOnlyOlderEvents_AndIdsKeepGrowing()
    {
        var deleted = await _store.PruneAsync(T0.AddMinutes(2), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, deleted);
        Assert.Equal([6L, 5, 4, 3], (await _store.QueryAsync(new EventQuery(), cancellationToken: TestContext.Current.CancellationToken)).Items.Select(e => e.Id));
        var ids = await _store.AppendAsync([New(EventType.SystemInfo, "x", null, null, 10)], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(7, ids[0].Id);
    }

    [Fact]
    public async Task Data_RoundTripsAsJsonObject()
    {
        var e = await _store.GetAsync(1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(JsonValueKind.Object, e!.Data.ValueKind);
        Assert.Equal(0, e.Data.GetProperty("n").GetInt32());
        Assert.Equal(T0, e.Timestamp);
    }

    private static NewEvent New(string type, string source, string? task, string? agent, int minute) =>
        new(type, source, task, agent, EventSanitizer.Data(new { n = minute }), T0.AddMinutes(minute));

    private static EventTypePattern Pattern(string text) =>
        EventTypePattern.TryParse(text, out var p, out var error) ? p : throw new ArgumentException(error);
}
