using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Core.Router.Circuit;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Router;

/// <summary>The breaker inside the cascade, against a real loopback server, on fake time.</summary>
public sealed class RouterCircuitTests : LoopbackRouterTests
{
    protected override RouterHarness Configure(RouterHarness harness)
    {
        return harness.Set("Retries", "0").Set("CircuitBreakerThreshold", "2").Set("HalfOpenMaxCalls", "2").Set("RecoveryTimeout", "00:01:00");
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Harness.StartAsync();
    }

    private CircuitBreaker OllamaBreaker => Harness.Registry.Find("ollama")!.Breaker;

    [Fact]
    public async Task Cascade_ThresholdFailures_OpensCircuitAndSkipsProviderWithoutCallingIt()
    {
        Ollama.Default = FakeReply.Error(500);
        await Harness.AskAsync();
        await Harness.AskAsync();

        Assert.Equal(CircuitState.Open, OllamaBreaker.State);
        var response = await Harness.AskAsync();

        Assert.Equal(2, Ollama.ChatRequests);
        Assert.Equal("openai", response.Routing()!.Provider);
        var opened = Assert.Single(await Harness.EventsAsync(EventType.ProviderCircuitOpened));
        Assert.Equal("ollama", opened.Data.GetProperty("provider").GetString());
        Assert.Equal("unavailable", Harness.Control.GetProvider("ollama")!.Availability);
        Assert.Equal(60, Harness.Control.GetProvider("ollama")!.SecondsUntilHalfOpen);
    }

    [Fact]
    public async Task Cascade_RecoveryThenTrialsSucceed_HalfOpensThenCloses()
    {
        Ollama.Default = FakeReply.Error(500);
        await Harness.AskAsync();
        await Harness.AskAsync();
        Ollama.Default = FakeReply.Answer("back");

        Harness.Time.Advance(TimeSpan.FromSeconds(61));
        var first = await Harness.AskAsync();
        Assert.Equal(CircuitState.HalfOpen, OllamaBreaker.State);
        var second = await Harness.AskAsync();

        Assert.Equal("back", first.Text);
        Assert.Equal("back", second.Text);
        Assert.Equal(CircuitState.Closed, OllamaBreaker.State);
        await Harness.EventsAsync(EventType.ProviderCircuitHalfOpened);
        await Harness.EventsAsync(EventType.ProviderCircuitClosed);
    }

    [Fact]
    public async Task Cascade_TrialFails_ReopensCircuit()
    {
        Ollama.Default = FakeReply.Error(500);
        await Harness.AskAsync();
        await Harness.AskAsync();
        Harness.Time.Advance(TimeSpan.FromSeconds(61));

        var response = await Harness.AskAsync();

        Assert.Equal("openai", response.Routing()!.Provider);
        Assert.Equal(3, Ollama.ChatRequests);
        Assert.Equal(CircuitState.Open, OllamaBreaker.State);
        Assert.Equal(2, (await Harness.EventsAsync(EventType.ProviderCircuitOpened, atLeast: 2)).Count);
    }

    [Fact]
    public async Task Control_ResetWhileOpen_ClosesAndProviderIsCalledAgain()
    {
        Ollama.Default = FakeReply.Error(500);
        await Harness.AskAsync();
        await Harness.AskAsync();
        Ollama.Default = FakeReply.Answer("after reset");

        var status = Harness.Control.ResetCircuit("ollama");
        var response = await Harness.AskAsync();

        Assert.Equal(CircuitState.Closed, status!.CircuitState);
        Assert.Equal("after reset", response.Text);
    }
}
