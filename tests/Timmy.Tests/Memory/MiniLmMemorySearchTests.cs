using Timmy.Core.Memory;
using Timmy.Core.Memory.Embeddings;
using Timmy.Tests.Memory.Embeddings;

namespace Timmy.Tests.Memory;

/// <summary>The whole memory with the real all-MiniLM-L6-v2: in hybrid search, what means the same ranks above what
/// merely shares a word, and a restart ranks the same query the same way.</summary>
public sealed class MiniLmMemorySearchTests(MiniLmFixture miniLm) : IClassFixture<MiniLmFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private MemoryEmbedder _embedder = null!;
    private MemoryHarness _m = null!;

    public async ValueTask InitializeAsync()
    {
        _embedder = new MemoryEmbedder(miniLm.Encoder, new EmbedderOptions());
        _m = await MemoryHarness.CreateAsync(_embedder);
        foreach (var text in new[]
        {
            "Settling a BOLT11 invoice over the Lightning Network", "Lightning struck the old oak tree in the storm",
            "The computer does not boot when I press the power button", "Start the laptop sale on Monday",
            "Your wallet balance is 21,000 sats", "The money tree in the garden has new leaves",
            "Flu symptoms include a high temperature and nausea", "The fever of the football crowd was contagious",
        })
        {
            await _m.StoreAsync(text);
        }
    }

    // The embedder is not disposed: that would dispose the fixture's encoder, which the class's other tests share. Its
    // idle worker ends with the test process.
    public async ValueTask DisposeAsync() => await _m.DisposeAsync();

    [Theory]
    [InlineData("How do I pay with Lightning?", "Settling a BOLT11 invoice over the Lightning Network", "Lightning struck the old oak tree in the storm")]
    [InlineData("My laptop will not start", "The computer does not boot when I press the power button", "Start the laptop sale on Monday")]
    [InlineData("How much money do I have?", "Your wallet balance is 21,000 sats", "The money tree in the garden has new leaves")]
    [InlineData("I feel sick and have a fever", "Flu symptoms include a high temperature and nausea", "The fever of the football crowd was contagious")]
    public async Task HybridSearch_RanksTheSemanticNeighbour_AboveTheLexicalDecoy(string query, string neighbour, string decoy)
    {
        var result = await _m.Service.SearchAsync(new MemorySearchQuery(query) { Limit = 8 }, Ct);

        Assert.True(result.SemanticRan);
        var order = result.Hits.Select(h => h.Entry.Content).ToList();
        Assert.Contains(neighbour, order);
        Assert.True(!order.Contains(decoy) || order.IndexOf(neighbour) < order.IndexOf(decoy), $"'{neighbour}' should rank above '{decoy}': {string.Join(" | ", result.Hits.Select(h => $"{h.Entry.Content} sim={h.Similarity} bm25={h.Bm25} score={h.Score}"))}");
        Assert.Contains("semantic", result.Hits[order.IndexOf(neighbour)].Signals);
    }

    [Fact]
    public async Task AfterARestart_TheSameQueryRanksTheSame()
    {
        var before = await _m.Service.SearchAsync(new MemorySearchQuery("is my computer broken?"), Ct);

        await using var restarted = await _m.RestartAsync();
        var after = await restarted.Service.SearchAsync(new MemorySearchQuery("is my computer broken?"), Ct);

        Assert.NotEmpty(before.Hits);
        Assert.Equal(before.Hits.Select(h => (h.Entry.Id, h.Score, h.Similarity)), after.Hits.Select(h => (h.Entry.Id, h.Score, h.Similarity)));
        Assert.Equal("minilm/all-MiniLM-L6-v2", after.Embedder.Id);
    }
}
