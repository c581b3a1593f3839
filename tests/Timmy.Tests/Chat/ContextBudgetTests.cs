using Microsoft.Extensions.Options;
using Timmy.Core.Agents;
using Timmy.Core.Chat;
using Timmy.Tests.Router;

namespace Timmy.Tests.Chat;

/// <summary>The budget follows the provider that will most likely answer: Ollama (window 2048) while it is
/// usable, then the OpenAI fake (window 16000).</summary>
public sealed class ContextBudgetTests : LoopbackRouterTests
{
    protected override RouterHarness Configure(RouterHarness harness) => harness
        .Set("Providers:0:Models:0:ContextWindow", "2048")
        .Set("Providers:1:Models:0:ContextWindow", "16000");

    private ContextBudget Budget(int replyReserveTokens = 1_024) =>
        new(Harness.Registry, Options.Create(new ChatAgentOptions { ReplyReserveTokens = replyReserveTokens }));

    [Fact]
    public async Task PromptTokens_PreferredProvider_IsItsDefaultModelWindowMinusReserve()
    {
        await Harness.StartAsync();

        var budget = Budget();

        Assert.Equal(2048, budget.ContextWindow());
        Assert.Equal(1024, budget.ReplyReserve());
        Assert.Equal(1024, budget.PromptTokens());
    }

    [Fact]
    public async Task ReplyReserve_LargerThanHalfTheWindow_IsCappedAtHalf()
    {
        await Harness.StartAsync();

        var budget = Budget(replyReserveTokens: 1_500);

        Assert.Equal(1024, budget.ReplyReserve());
        Assert.Equal(1024, budget.PromptTokens());
    }

    [Fact]
    public async Task ContextWindow_PreferredProviderDisabled_FollowsTheNextProvider()
    {
        await Harness.StartAsync();

        await Harness.Control.SetEnabledAsync("ollama", false, TestContext.Current.CancellationToken);

        Assert.Equal(16000, Budget().ContextWindow());
        Assert.Equal(16000 - 1024, Budget().PromptTokens());
    }

    [Fact]
    public async Task ContextWindow_ModelMarkedDefault_IsUsed()
    {
        Harness.Set("Providers:0:Models:1:Name", "big").Set("Providers:0:Models:1:Default", "true")
            .Set("Providers:0:Models:1:ContextWindow", "32000");
        await Harness.StartAsync();

        Assert.Equal(32000, Budget().ContextWindow());
    }

    [Fact]
    public async Task PromptMessages_AsManyAsCouldFitTheBudget()
    {
        await Harness.StartAsync();

        Assert.Equal(1024 / TokenEstimator.PerMessageOverhead, Budget().PromptMessages());
    }

    [Fact]
    public async Task PromptMessages_LargeWindow_IsCapped()
    {
        await Harness.StartAsync();

        await Harness.Control.SetEnabledAsync("ollama", false, TestContext.Current.CancellationToken);

        Assert.Equal(ContextBudget.MaxPromptMessages, Budget().PromptMessages());
    }

    [Fact]
    public async Task ContextWindow_NoUsableProvider_IsTheFallback()
    {
        await Harness.StartAsync();

        await Harness.Control.SetEnabledAsync("ollama", false, TestContext.Current.CancellationToken);
        await Harness.Control.SetEnabledAsync("openai", false, TestContext.Current.CancellationToken);

        Assert.Equal(ContextBudget.FallbackContextWindow, Budget().ContextWindow());
    }
}
