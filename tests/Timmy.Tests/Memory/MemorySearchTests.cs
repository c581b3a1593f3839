using Timmy.Core.Events;
using Timmy.Core.Memory;
using Timmy.Core.Refusals;

namespace Timmy.Tests.Memory;

/// <summary>Hybrid search: meaning and words fused by rank, filters and permissions on both signals, FTS syntax that is
/// never an error, words alone while the embedder is away, and the re-embed that brings meaning back.</summary>
public sealed class MemorySearchTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MemoryHarness _m = null!;

    public async ValueTask InitializeAsync() => _m = await MemoryHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _m.DisposeAsync();

    [Fact]
    public async Task BothSignals_AreFused_AndEachHitSaysWhichMatched()
    {
        await _m.StoreAsync("my kitten sleeps on the mat");
        await _m.StoreAsync("the cat chased a mouse");
        await _m.StoreAsync("bitcoin fees are low today");

        var result = await _m.Service.SearchAsync(new MemorySearchQuery("cat"), cancellationToken: Ct);

        Assert.True(result.SemanticRan);
        Assert.Equal(["the cat chased a mouse", "my kitten sleeps on the mat"], result.Hits.Select(h => h.Entry.Content));
        Assert.Equal(["semantic", "lexical"], result.Hits[0].Signals);
        Assert.Equal(["semantic"], result.Hits[1].Signals);
        Assert.Equal(1.0, result.Hits[0].Score);
        Assert.True(result.Hits[1].Score < result.Hits[0].Score);
        Assert.Equal(["cat"], result.Hits[0].MatchedTerms);
        Assert.NotNull(result.Hits[0].Similarity);
        Assert.NotNull(result.Hits[0].Bm25);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("cat AND OR NOT (")]
    [InlineData("content:cat*")]
    [InlineData("NEAR(cat mouse, 2)")]
    [InlineData("^cat -mouse")]
    [InlineData("***")]
    public async Task FtsSyntaxInAQuery_IsPlainText_NeverAnError(string query)
    {
        await _m.StoreAsync("the cat chased a mouse");

        var result = await _m.Service.SearchAsync(new MemorySearchQuery(query), cancellationToken: Ct);

        Assert.All(result.Hits, h => Assert.Equal("the cat chased a mouse", h.Entry.Content));
    }

    [Fact]
    public async Task StemmedWords_MatchLexically()
    {
        await _m.StoreAsync("Alex was paying the invoices on Friday");

        var hit = Assert.Single((await _m.Service.SearchAsync(new MemorySearchQuery("invoice payment"), cancellationToken: Ct)).Hits);
        Assert.Contains("lexical", hit.Signals);
        Assert.Contains("invoices", hit.MatchedTerms);
    }

    [Fact]
    public async Task Filters_ApplyToBothSignals()
    {
        await _m.StoreAsync("cat facts", MemoryContextTypes.Fact);
        await _m.StoreAsync("cat chat", MemoryContextTypes.Conversation, session: "s1");
        await _m.StoreAsync("cat document", MemoryContextTypes.Document);

        Assert.Equal(["cat chat"], await _m.SearchContentsAsync("cat", filter: new MemoryFilter { ContextTypes = ["conversation"] }));
        Assert.Equal(["cat chat"], await _m.SearchContentsAsync("cat", filter: new MemoryFilter { SessionId = "s1" }));
        Assert.DoesNotContain("cat chat", await _m.SearchContentsAsync("cat", filter: new MemoryFilter { ExcludeSessionId = "s1" }));
        _m.Time.Advance(TimeSpan.FromDays(2));
        var later = await _m.StoreAsync("cat later");
        Assert.Equal(["cat later"], await _m.SearchContentsAsync("cat", filter: new MemoryFilter { Since = later.Timestamp }));
        Assert.Equal(3, (await _m.SearchContentsAsync("cat", filter: new MemoryFilter { Until = later.Timestamp.AddDays(-1) })).Count);
    }

    [Fact]
    public async Task AnAgent_SeesItsOwnAndSharedEntries_TheOwnerSeesAll()
    {
        await _m.StoreAsync("cat secret of echo", agent: "echo");
        await _m.StoreAsync("cat secret of mace", agent: "mace");
        await _m.StoreAsync("cat note shared by mace", agent: "mace", shared: true);
        await _m.StoreAsync("cat secret of the owner");

        var echo = MemoryViewer.Agent("echo");
        Assert.Equal(["cat note shared by mace", "cat secret of echo"], (await _m.SearchContentsAsync("cat secret note", echo)).Order());
        Assert.Equal(4, (await _m.SearchContentsAsync("cat", MemoryViewer.Owner)).Count);
        var list = await _m.Service.ListAsync(MemoryFilter.None, echo, null, 50, cancellationToken: Ct);
        Assert.Equal(2, list.Items.Count);
        var maces = (await _m.Service.ListAsync(new MemoryFilter { AgentId = "mace" }, MemoryViewer.Owner, null, 50, cancellationToken: Ct)).Items;
        var privateOfMace = maces.Single(e => !e.Shared);
        await Assert.ThrowsAsync<MemoryEntryNotFoundException>(() => _m.Service.GetAsync(privateOfMace.Id, echo, cancellationToken: Ct));
        var sharedOfMace = maces.Single(e => e.Shared);
        Assert.Equal(sharedOfMace.Id, (await _m.Service.GetAsync(sharedOfMace.Id, echo, cancellationToken: Ct)).Id);
        await Assert.ThrowsAsync<MemoryEntryNotFoundException>(() => _m.Service.DeleteAsync(sharedOfMace.Id, echo, cancellationToken: Ct));
        Assert.Equal(["cat secret of the owner"],
            (await _m.Service.ListAsync(new MemoryFilter { AgentId = MemoryFilter.OwnerAgentId }, MemoryViewer.Owner, null, 50, cancellationToken: Ct)).Items.Select(e => e.Content));
    }

    [Fact]
    public async Task BadQueries_AreRefusedNamingTheField()
    {
        Assert.Equal("q", (await Assert.ThrowsAsync<InvalidFieldException>(() => _m.Service.SearchAsync(new MemorySearchQuery(" "), cancellationToken: Ct))).Field);
        Assert.Equal("q", (await Assert.ThrowsAsync<InvalidFieldException>(() => _m.Service.SearchAsync(new MemorySearchQuery(new string('a', 2001)), cancellationToken: Ct))).Field);
        Assert.Equal("limit", (await Assert.ThrowsAsync<InvalidFieldException>(() => _m.Service.SearchAsync(new MemorySearchQuery("a") { Limit = 0 }, cancellationToken: Ct))).Field);
        Assert.Equal("min_score", (await Assert.ThrowsAsync<InvalidFieldException>(() => _m.Service.SearchAsync(new MemorySearchQuery("a") { MinScore = 2 }, cancellationToken: Ct))).Field);
    }

    [Fact]
    public async Task MinScore_DropsWeakerResults()
    {
        await _m.StoreAsync("the cat chased a mouse");
        await _m.StoreAsync("my kitten sleeps");
        var all = (await _m.Service.SearchAsync(new MemorySearchQuery("cat"), cancellationToken: Ct)).Hits;
        Assert.Equal(2, all.Count);

        var strict = await _m.Service.SearchAsync(new MemorySearchQuery("cat") { MinScore = (all[0].Score + all[1].Score) / 2 }, cancellationToken: Ct);

        Assert.Equal([all[0].Entry.Content], strict.Hits.Select(h => h.Entry.Content));
    }

    [Fact]
    public async Task WhileTheEmbedderIsAway_EntriesAreKept_AndWordsAloneAnswer_ThenTheReembedRestoresMeaning()
    {
        var embedder = (FakeTextEmbedder)_m.Embedder;
        embedder.Unavailable = true;
        var entry = await _m.StoreAsync("my kitten sleeps on the mat");

        Assert.Null(entry.Embedder);
        var lexical = await _m.Service.SearchAsync(new MemorySearchQuery("kitten"), cancellationToken: Ct);
        Assert.False(lexical.SemanticRan);
        Assert.Contains("switched off", lexical.SemanticProblem);
        Assert.Single(lexical.Hits);
        Assert.Empty((await _m.Service.SearchAsync(new MemorySearchQuery("feline"), cancellationToken: Ct)).Hits);
        Assert.Equal(0, await _m.Indexer.ReindexOnceAsync(cancellationToken: Ct));
        Assert.Contains("switched off", _m.State.ReindexProblem);

        embedder.Unavailable = false;
        Assert.Equal(1, await _m.Indexer.ReindexOnceAsync(cancellationToken: Ct));

        Assert.Equal(["my kitten sleeps on the mat"], await _m.SearchContentsAsync("feline"));
        Assert.Equal((1L, 1L), (_m.State.ReindexDone, _m.State.ReindexTotal));
        var reindexed = Assert.Single(await _m.Db.StoredEventsAsync(), e => e.EventType == EventType.MemoryReindexed);
        Assert.Equal(0, reindexed.Data.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task SwitchingEmbedders_ReembedsEverything_AndComparesOnlyVectorsOfTheOneInUse()
    {
        await _m.StoreAsync("my kitten sleeps on the mat");
        await _m.StoreAsync("the car needs new tyres");

        await using var switched = await _m.RestartAsync(new FakeTextEmbedder("fake/other"));

        Assert.Equal(0, switched.Index.Count);
        var meanwhile = await switched.Service.SearchAsync(new MemorySearchQuery("feline"), cancellationToken: Ct);
        Assert.Empty(meanwhile.Hits);
        Assert.Equal(2, (await switched.Service.StatusAsync(cancellationToken: Ct)).Stats.AwaitingEmbedding);

        Assert.Equal(2, await switched.Indexer.ReindexOnceAsync(cancellationToken: Ct));

        Assert.Equal(["my kitten sleeps on the mat"], await switched.SearchContentsAsync("feline"));
        var status = await switched.Service.StatusAsync(cancellationToken: Ct);
        Assert.Equal(("fake/other", 2L, 0L, 2), (status.Embedder.Id, status.Stats.Embedded, status.Stats.AwaitingEmbedding, status.IndexedVectors));
    }

    [Fact]
    public async Task AfterARestart_TheSameQuery_RanksTheSame()
    {
        foreach (var text in new[] { "cat on a mat", "kitten on a rug", "a feline naps", "cars and trucks", "the cat sat" })
        {
            await _m.StoreAsync(text);
        }
        var before = await _m.Service.SearchAsync(new MemorySearchQuery("cat mat"), cancellationToken: Ct);

        await using var restarted = await _m.RestartAsync();
        var after = await restarted.Service.SearchAsync(new MemorySearchQuery("cat mat"), cancellationToken: Ct);

        Assert.Equal(before.Hits.Select(h => (h.Entry.Id, h.Score)), after.Hits.Select(h => (h.Entry.Id, h.Score)));
        Assert.Equal(5, restarted.Index.Count);
    }

    [Fact]
    public async Task Prune_DeletesOldEntries_KeepsFactsUnlessAsked()
    {
        await _m.StoreAsync("old fact");
        await _m.StoreAsync("old turn", MemoryContextTypes.Conversation);
        _m.Time.Advance(TimeSpan.FromDays(40));
        await _m.StoreAsync("new turn", MemoryContextTypes.Conversation);

        Assert.Equal(1, await _m.Service.PruneAsync(30, includeFacts: false, cancellationToken: Ct));
        Assert.Equal(["new turn", "old fact"], (await _m.Service.ListAsync(MemoryFilter.None, MemoryViewer.Owner, null, 10, cancellationToken: Ct)).Items.Select(e => e.Content));
        Assert.Equal(1, await _m.Service.PruneAsync(30, includeFacts: true, cancellationToken: Ct));
        Assert.Equal(1, _m.Index.Count);
        var pruned = (await _m.Db.StoredEventsAsync()).Where(e => e.EventType == EventType.MemoryPruned).ToList();
        Assert.Equal([1, 1], pruned.Select(e => e.Data.GetProperty("deleted").GetInt32()));
        Assert.Empty(await _m.SearchContentsAsync("old"));
    }
}
