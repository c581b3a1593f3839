using System.Text.Json;
using Microsoft.Data.Sqlite;
using Timmy.Core.Events;
using Timmy.Core.Memory;
using Timmy.Core.Refusals;

namespace Timmy.Tests.Memory;

/// <summary>Entries are stored with their vector and full-text index in one transaction, edited and deleted with the
/// index kept in step, and bad input changes nothing.</summary>
public sealed class MemoryStoreTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MemoryHarness _m = null!;

    public async ValueTask InitializeAsync() => _m = await MemoryHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _m.DisposeAsync();

    [Fact]
    public async Task Documents_NoneStored_IsAnEmptyList() =>
        Assert.Empty(await _m.Store.DocumentsAsync(MemoryViewer.Owner, TestContext.Current.CancellationToken));

    [Fact]
    public async Task Store_KeepsEveryField_TheVectorAsFloat32Blob_AndLogsStored()
    {
        var entry = await _m.Service.StoreAsync(new NewMemory("  The owner's name is Alex.  ", MemoryContextTypes.Fact, "chat")
        {
            SessionId = "conv-1", TaskId = "task-9", Metadata = """{"fact_key":"name"}""", Shared = true,
        }, cancellationToken: Ct);

        var stored = await _m.Service.GetAsync(entry.Id, MemoryViewer.Owner, cancellationToken: Ct);
        Assert.Equal(("The owner's name is Alex.", "fact", "chat", "conv-1", "task-9", true, "fake/words-64"),
            (stored.Content, stored.ContextType, stored.Source, stored.SessionId, stored.TaskId, stored.Shared, stored.Embedder));
        Assert.Equal("name", JsonDocument.Parse(stored.Metadata).RootElement.GetProperty("fact_key").GetString());
        await using var connection = await _m.Db.Connections.OpenAsync(cancellationToken: Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(embedding), dimensions, typeof(embedding) FROM memory_entries";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken: Ct);
        Assert.True(await reader.ReadAsync(cancellationToken: Ct));
        Assert.Equal((4L * FakeTextEmbedder.Dimensions, (long)FakeTextEmbedder.Dimensions, "blob"), (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        Assert.True(_m.Index.Contains(entry.Id));
        var logged = Assert.Single(await _m.Db.StoredEventsAsync(), e => e.EventType == EventType.MemoryStored);
        Assert.Contains("The owner", logged.Data.GetProperty("preview").GetString());
    }

    [Fact]
    public async Task PrivateEntries_AreLoggedWithoutTheirContent()
    {
        var entry = await _m.StoreAsync("My bank PIN hint is the cat's birthday");
        await _m.Service.UpdateAsync(entry.Id, new MemoryEdit("My bank PIN hint is the dog's birthday"), MemoryViewer.Owner, cancellationToken: Ct);
        await _m.Service.DeleteAsync(entry.Id, MemoryViewer.Owner, cancellationToken: Ct);

        var events = (await _m.Db.StoredEventsAsync()).Where(e => e.EventType.StartsWith("memory.", StringComparison.Ordinal)).ToList();
        Assert.Equal([EventType.MemoryStored, EventType.MemoryUpdated, EventType.MemoryDeleted], events.Select(e => e.EventType));
        Assert.All(events, e => Assert.DoesNotContain("PIN", e.Data.GetRawText()));
    }

    [Fact]
    public async Task FullTextIndex_FollowsEdits_AndDeletes_InTheSameTransaction()
    {
        var fact = await _m.StoreAsync("Alex drinks espresso every morning");
        Assert.Single(await _m.SearchContentsAsync("espresso"));

        await _m.Service.UpdateAsync(fact.Id, new MemoryEdit("Alex drinks green tea every morning"), MemoryViewer.Owner, cancellationToken: Ct);
        Assert.Empty(await LexicalAsync("espresso"));
        Assert.Single(await LexicalAsync("tea"));

        await _m.Service.DeleteAsync(fact.Id, MemoryViewer.Owner, cancellationToken: Ct);
        Assert.Empty(await LexicalAsync("tea"));
        Assert.False(_m.Index.Contains(fact.Id));
    }

    private Task<IReadOnlyList<LexicalMatch>> LexicalAsync(string word) =>
        _m.Store.LexicalAsync(FtsQuery.From(word).Match!, MemoryFilter.None, MemoryViewer.Owner, 10);

    [Fact]
    public async Task OnlyFacts_TakeNewContent_ButAnyEntryCanBeShared()
    {
        var turn = await _m.StoreAsync("what's the weather like", MemoryContextTypes.Conversation);

        var refused = await Assert.ThrowsAsync<MemoryEditRefusedException>(() =>
            _m.Service.UpdateAsync(turn.Id, new MemoryEdit("something else"), MemoryViewer.Owner, cancellationToken: Ct));
        Assert.Contains("only facts", refused.Message);
        Assert.Equal("what's the weather like", (await _m.Service.GetAsync(turn.Id, MemoryViewer.Owner, cancellationToken: Ct)).Content);

        var shared = await _m.Service.UpdateAsync(turn.Id, new MemoryEdit(Shared: true), MemoryViewer.Owner, cancellationToken: Ct);
        Assert.True(shared.Shared);
        Assert.Contains("what's the weather like", await _m.SearchContentsAsync("weather", MemoryViewer.Agent("echo")));
    }

    [Fact]
    public async Task AFactEdit_IsReembedded()
    {
        var fact = await _m.StoreAsync("The owner likes cats");
        await _m.Service.UpdateAsync(fact.Id, new MemoryEdit("The owner likes automobile racing"), MemoryViewer.Owner, cancellationToken: Ct);

        var hit = Assert.Single((await _m.Service.SearchAsync(new MemorySearchQuery("vehicle"), cancellationToken: Ct)).Hits);
        Assert.Equal(["semantic"], hit.Signals);
    }

    [Theory]
    [InlineData("", "fact", "test", null, "content")]
    [InlineData("   ", "fact", "test", null, "content")]
    [InlineData("hello", "diary", "test", null, "context_type")]
    [InlineData("hello", "fact", "", null, "source")]
    [InlineData("hello", "fact", "test", "[1,2]", "metadata")]
    [InlineData("hello", "fact", "test", "{not json", "metadata")]
    public async Task BadInput_IsRefusedNamingTheField_AndStoresNothing(string content, string type, string source, string? metadata, string field)
    {
        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            _m.Service.StoreAsync(new NewMemory(content, type, source) { Metadata = metadata }, cancellationToken: Ct));

        Assert.Equal(field, refused.Field);
        Assert.Equal(0, (await _m.Store.StatsAsync(null, cancellationToken: Ct)).Total);
        Assert.DoesNotContain(await _m.Db.StoredEventsAsync(), e => e.EventType == EventType.MemoryStored);
    }

    [Fact]
    public async Task TooLongContent_IsRefused_PointingAtDocuments()
    {
        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            _m.StoreAsync(new string('x', _m.Options.MaxContentLength + 1)));
        Assert.Contains("document", refused.Message);
    }

    [Fact]
    public async Task OneBadEntryOfMany_StoresNone()
    {
        await Assert.ThrowsAsync<InvalidFieldException>(() => _m.Service.StoreAllAsync(
            [new NewMemory("fine", MemoryContextTypes.Fact, "test"), new NewMemory("", MemoryContextTypes.Fact, "test")], cancellationToken: Ct));

        Assert.Equal(0, (await _m.Store.StatsAsync(null, cancellationToken: Ct)).Total);
    }

    [Fact]
    public async Task TheSchema_RefusesWhatTheCodeWouldNeverWrite()
    {
        await using var connection = await _m.Db.Connections.OpenAsync(cancellationToken: Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO memory_entries (id, content, source, context_type, metadata, timestamp, embedding, embedder, dimensions)
            VALUES ('x', 'text', 's', 'fact', '{}', '2026-01-01T00:00:00.000000Z', x'00000000', 'e', 2)
            """;
        await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task List_PagesNewestFirst_ByKeyset()
    {
        for (var i = 0; i < 5; i++)
        {
            await _m.StoreAsync($"fact number {i}");
        }

        var first = await _m.Service.ListAsync(MemoryFilter.None, MemoryViewer.Owner, null, 2, cancellationToken: Ct);
        var second = await _m.Service.ListAsync(MemoryFilter.None, MemoryViewer.Owner, first.NextBefore, 2, cancellationToken: Ct);
        var last = await _m.Service.ListAsync(MemoryFilter.None, MemoryViewer.Owner, second.NextBefore, 2, cancellationToken: Ct);

        Assert.Equal(["fact number 4", "fact number 3", "fact number 2", "fact number 1", "fact number 0"],
            first.Items.Concat(second.Items).Concat(last.Items).Select(e => e.Content));
        Assert.Null(last.NextBefore);
        await Assert.ThrowsAsync<InvalidFieldException>(() => _m.Service.ListAsync(MemoryFilter.None, MemoryViewer.Owner, null, 0, cancellationToken: Ct));
    }

    [Fact]
    public async Task Stats_CountPerTypeAndAgent()
    {
        await _m.StoreAsync("a fact");
        await _m.StoreAsync("a turn", MemoryContextTypes.Conversation);
        await _m.StoreAsync("echo's note", agent: "echo", shared: true);

        var status = await _m.Service.StatusAsync(cancellationToken: Ct);

        Assert.Equal(3, status.Stats.Total);
        Assert.Equal(2, status.Stats.ByType["fact"]);
        Assert.Equal(1, status.Stats.Shared);
        Assert.Contains(new AgentMemoryCount("echo", 1), status.Stats.ByAgent);
        Assert.Contains(new AgentMemoryCount(null, 2), status.Stats.ByAgent);
        Assert.Equal((3, 3, 3L * 64 * 4), (status.Stats.Embedded, status.IndexedVectors, status.IndexBytes));
    }
}
