using Timmy.Core.Agents;
using Timmy.Core.Memory;
using Timmy.Core.Refusals;

namespace Timmy.Tests.Memory;

/// <summary>get_memory_context packs the most relevant entries, with their sources, into the token budget, and leaves
/// out what is not relevant.</summary>
public sealed class MemoryContextTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MemoryHarness _m = null!;

    public async ValueTask InitializeAsync() => _m = await MemoryHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _m.DisposeAsync();

    [Fact]
    public async Task PacksRelevantEntries_BestFirst_WithTheirSources()
    {
        await _m.StoreAsync("The owner's cat is called Miso");
        await _m.StoreAsync("Quarterly taxes are due in January");

        var context = await _m.Service.ContextAsync("what is my cat called?", 500, MemoryViewer.Owner, cancellationToken: Ct);

        var hit = Assert.Single(context.Entries);
        Assert.Equal("The owner's cat is called Miso", hit.Entry.Content);
        Assert.StartsWith(MemoryContextBuilder.Heading, context.Text);
        Assert.Contains("- [fact · test · 2026-12-01] The owner's cat is called Miso", context.Text);
        Assert.InRange(context.Tokens, TokenEstimator.Estimate(context.Text), TokenEstimator.Estimate(context.Text) + context.Entries.Count + 1);
    }

    [Fact]
    public async Task NeverExceedsTheBudget_CuttingTheLastEntryWhenAUsefulPartFits()
    {
        for (var i = 0; i < 20; i++)
        {
            await _m.StoreAsync($"cat story number {i}: " + string.Join(' ', Enumerable.Repeat("the cat purrs loudly", 10)));
        }

        foreach (var budget in new[] { 60, 100, 250, 1000 })
        {
            var context = await _m.Service.ContextAsync("cat", budget, MemoryViewer.Owner, cancellationToken: Ct);
            Assert.True(TokenEstimator.Estimate(context.Text) <= budget, $"{TokenEstimator.Estimate(context.Text)} tokens for a budget of {budget}");
            Assert.NotEmpty(context.Entries);
        }
        Assert.Equal(MemoryContext.Empty, await _m.Service.ContextAsync("cat", 10, MemoryViewer.Owner, cancellationToken: Ct));
    }

    [Fact]
    public async Task NothingRelevant_GivesNoContext()
    {
        await _m.StoreAsync("Quarterly taxes are due in January");

        var context = await _m.Service.ContextAsync("favourite colour of the sky", 500, MemoryViewer.Owner, cancellationToken: Ct);

        Assert.Equal("", context.Text);
        Assert.Empty(context.Entries);
    }

    [Fact]
    public async Task AnAgentsContext_HoldsOnlyWhatItMaySee()
    {
        await _m.StoreAsync("cat secret of mace", agent: "mace");
        await _m.StoreAsync("cat note for everyone", agent: "mace", shared: true);

        var context = await _m.Service.ContextAsync("cat", 500, MemoryViewer.Agent("echo"), cancellationToken: Ct);

        Assert.Equal(["cat note for everyone"], context.Entries.Select(e => e.Entry.Content));
    }

    [Fact]
    public async Task BadArguments_AreRefused()
    {
        Assert.Equal("q", (await Assert.ThrowsAsync<InvalidFieldException>(() => _m.Service.ContextAsync("", 100, MemoryViewer.Owner, cancellationToken: Ct))).Field);
        Assert.Equal("max_tokens", (await Assert.ThrowsAsync<InvalidFieldException>(() => _m.Service.ContextAsync("cat", 0, MemoryViewer.Owner, cancellationToken: Ct))).Field);
    }
}
