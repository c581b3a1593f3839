using Dapper;
using Microsoft.Extensions.Time.Testing;
using System.Text;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Core.Storage;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

public sealed class EventChainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private TestDatabase _db = default!;
    private SqliteEventStore _store = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_time);
        _store = new SqliteEventStore(_db.Connections);
        for (var i = 0; i < 6; i++)
        {
            await _db.Events.LogAsync(EventType.SystemInfo, "test", data: new { n = i, text = "é \"quoted\" <b>" }, cancellationToken: Ct);
            _time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AnUntouchedLog_VerifiesIntact_AndEachEventLinksToThePrevious()
    {
        var result = await _store.VerifyChainAsync(Ct);

        Assert.True(result.Intact, result.Summary);
        Assert.Equal(6, result.Checked);
        Assert.Equal(6, result.LastId);
        var events = await _db.StoredEventsAsync();
        Assert.Equal(EventChain.Genesis, events[0].PrevHash);
        Assert.Equal(events[0].Hash, events[1].PrevHash);
        Assert.Equal(events[^1].Hash, result.HeadHash);
    }

    [Theory]
    [InlineData("data = json_set(data, '$.n', 99)")]
    [InlineData("event_type = 'auth.signed_in'")]
    [InlineData("source = 'auth'")]
    [InlineData("timestamp = '2026-11-01T11:00:00.000000Z'")]
    [InlineData("actor = 'owner'")]
    public async Task EditingAnEventInTheDatabase_IsReportedAtThatEvent(string change)
    {
        await ExecuteAsync($"UPDATE event_log SET {change} WHERE id = 3");

        var result = await _store.VerifyChainAsync(Ct);

        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAtId);
        Assert.Contains("altered", result.Problem);
    }

    [Fact]
    public async Task DeletingAnEventInTheMiddle_IsReportedAsMissing()
    {
        await ExecuteAsync("DELETE FROM event_log WHERE id = 4");

        var result = await _store.VerifyChainAsync(Ct);

        Assert.False(result.Intact);
        Assert.Equal(4, result.BrokenAtId);
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public async Task DeletingTheNewestEvents_IsReportedAsMissingFromTheEnd()
    {
        await ExecuteAsync("DELETE FROM event_log WHERE id >= 5");

        var result = await _store.VerifyChainAsync(Ct);

        Assert.False(result.Intact);
        Assert.Equal(5, result.BrokenAtId);
        Assert.Contains("#5 to #6", result.Problem);
    }

    [Fact]
    public async Task RewritingAnEventAndItsHash_BreaksTheLinkOfTheNextOne()
    {
        var events = await _db.StoredEventsAsync();
        var forged = events[2] with { Source = "auth" };
        await ExecuteAsync($"UPDATE event_log SET source = 'auth', hash = '{EventChain.Hash(forged.PrevHash!, forged)}' WHERE id = 3");

        var result = await _store.VerifyChainAsync(Ct);

        Assert.Equal(4, result.BrokenAtId);
        Assert.Contains("does not follow", result.Problem);
    }

    [Fact]
    public async Task Pruning_KeepsTheRestVerifiable_FromTheLastPrunedHash()
    {
        var before = await _db.StoredEventsAsync();

        var deleted = await _store.PruneAsync(T0.AddMinutes(2), Ct);
        await _db.Events.LogAsync(EventType.SystemInfo, "test", cancellationToken: Ct);
        var result = await _store.VerifyChainAsync(Ct);

        Assert.Equal(2, deleted);
        Assert.True(result.Intact, result.Summary);
        Assert.Equal(2, result.AnchorId);
        Assert.Equal(before[1].Hash, result.AnchorHash);
        Assert.Equal(5, result.Checked);
    }

    [Fact]
    public async Task WritersOnBothPaths_AtOnce_LeaveOneUnbrokenChain()
    {
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                if (w % 2 == 0)
                {
                    await _db.Events.LogAsync(EventType.SystemInfo, $"writer-{w}", data: new { i }, cancellationToken: Ct);
                }
                else
                {
                    await using var transaction = await _db.Connections.BeginWriteAsync(cancellationToken: Ct);
                    await _db.Events.AppendAsync(transaction, new EventDraft(EventType.SystemInfo, $"writer-{w}", new { i }), Ct);
                    await transaction.CommitAsync(Ct);
                }
            }
        }, Ct));
        await Task.WhenAll(writers);

        var result = await _store.VerifyChainAsync(Ct);

        Assert.True(result.Intact, result.Summary);
        Assert.Equal(6 + 16 * 20, result.Checked);
    }

    [Fact]
    public async Task AJsonLinesExport_VerifiesOffline_AndAnEditedLineIsCaught()
    {
        var lines = new StringBuilder();
        await foreach (var e in _store.ExportAsync(new EventQuery(), Ct))
        {
            lines.AppendLine(JsonSerializer.Serialize(e, EventJson.Options));
        }

        var intact = await EventExportVerifier.VerifyAsync(new StringReader(lines.ToString()), Ct);
        var edited = await EventExportVerifier.VerifyAsync(new StringReader(lines.ToString().Replace("\"n\":2", "\"n\":7")), Ct);

        Assert.True(intact.Intact, intact.Summary);
        Assert.Equal(6, intact.Checked);
        Assert.False(edited.Intact);
        Assert.Equal(3, edited.BrokenAtId);
    }

    [Fact]
    public async Task EventsFromBeforeTheChain_AreLeftOutOfIt_AndTheChainStartsAfterThem()
    {
        await using var old = await TestDatabase.CreateAsync(migrate: false);
        await old.NewMigrator().MigrateAsync(MigrationCatalog.All.Take(4).ToList(), Ct);
        await using (var connection = await old.Connections.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(
                "INSERT INTO event_log (event_type, source, data, timestamp) VALUES ('system.info', 'old', '{}', '2026-01-01T00:00:00.000000Z')");
        }
        await old.NewMigrator().MigrateAsync(cancellationToken: Ct);
        await old.Events.LogAsync(EventType.SystemInfo, "new", cancellationToken: Ct);

        await using var store = new SqliteEventStore(old.Connections);
        var result = await store.VerifyChainAsync(Ct);

        Assert.True(result.Intact, result.Summary);
        Assert.Equal(1, result.AnchorId);
        Assert.Equal(1, result.Checked);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _db.Connections.OpenAsync(Ct);
        await connection.ExecuteAsync(sql);
    }
}
