using Timmy.Core.Swarm.Personas;

namespace Timmy.Tests.Swarm.Personas;

public sealed class SqlitePersonaOutcomeStoreTests : PersonaOutcomesDatabaseTests
{
    private SqlitePersonaOutcomeStore _store = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _store = new SqlitePersonaOutcomeStore(Db.Connections, Time);
    }

    [Fact]
    public async Task RecordBids_ThenLoad_ReturnsEveryBid()
    {
        var stored = await _store.RecordBidsAsync("t1",
            [new PersonaBidOutcome("forge", ["debug", "c#"], 70, Won: true), new PersonaBidOutcome("echo", [], 180, Won: false)], Ct);

        var loaded = await _store.LoadRecentAsync(10, Ct);

        var forge = new PersonaOutcome("forge", "t1", ["debug", "c#"], 70, true, null, Time.GetUtcNow());
        Assert.Equal(forge with { Keywords = stored[0].Keywords }, stored[0]);
        Assert.Equal(["debug", "c#"], stored[0].Keywords);
        Assert.Equal(["echo", "forge"], loaded.Select(o => o.PersonaId));
        Assert.Equal(["debug", "c#"], loaded[1].Keywords);
        Assert.Equal(180, loaded[0].BidSats);
        Assert.False(loaded[0].Won);
    }

    [Fact]
    public async Task RecordBids_SameTaskAgain_UpdatesWonFlagAndKeepsResultAndTime()
    {
        var first = Time.GetUtcNow();
        await _store.RecordBidsAsync("t1", [new PersonaBidOutcome("forge", ["debug"], 70, Won: true)], Ct);
        await _store.RecordResultAsync("t1", "forge", succeeded: true, Ct);
        Time.Advance(TimeSpan.FromMinutes(1));

        var again = await _store.RecordBidsAsync("t1", [new PersonaBidOutcome("forge", ["tests"], 65, Won: true)], Ct);

        Assert.Equal(new PersonaOutcome("forge", "t1", again[0].Keywords, 65, true, true, first), again[0]);
        Assert.Equal(["tests"], again[0].Keywords);
        Assert.Equal(1, await CountRowsAsync());
    }

    [Fact]
    public async Task RecordResult_Winner_SetsSucceeded()
    {
        await _store.RecordBidsAsync("t1", [new PersonaBidOutcome("forge", [], 70, Won: true)], Ct);

        var updated = await _store.RecordResultAsync("t1", "forge", succeeded: false, Ct);

        Assert.NotNull(updated);
        Assert.False(updated.Succeeded);
        Assert.False((await _store.LoadRecentAsync(10, Ct)).Single().Succeeded);
    }

    [Fact]
    public async Task RecordResult_LoserOrUnknown_ReturnsNullAndChangesNothing()
    {
        await _store.RecordBidsAsync("t1", [new PersonaBidOutcome("echo", [], 70, Won: false)], Ct);

        Assert.Null(await _store.RecordResultAsync("t1", "echo", succeeded: true, Ct));
        Assert.Null(await _store.RecordResultAsync("t2", "forge", succeeded: true, Ct));
        Assert.Null((await _store.LoadRecentAsync(10, Ct)).Single().Succeeded);
    }

    [Fact]
    public async Task RecordBids_InvalidBid_WritesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.RecordBidsAsync("t1",
            [new PersonaBidOutcome("forge", [], 70, Won: true), new PersonaBidOutcome(" ", [], 60, Won: false)], Ct));

        Assert.Equal(0, await CountRowsAsync());
    }

    [Fact]
    public async Task LoadRecent_KeepsTheNewestRowsOfEachPersonaOldestFirst()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _store.RecordBidsAsync($"t{i}",
                [new PersonaBidOutcome("forge", [], i, Won: false), new PersonaBidOutcome("echo", [], 100 + i, Won: false)], Ct);
            if (i % 2 == 0)
            {
                Time.Advance(TimeSpan.FromSeconds(1)); // Some rows share a time: insertion order breaks the tie.
            }
        }

        var loaded = await _store.LoadRecentAsync(3, Ct);

        Assert.Equal([103L, 104, 105, 3, 4, 5], loaded.Select(o => o.BidSats));
    }
}
