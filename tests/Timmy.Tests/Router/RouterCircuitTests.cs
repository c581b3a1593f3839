using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Core.Router.Circuit;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Router;

/// <summary>The breaker inside the cascade, against a real loopback server, on fake time.</summary>
public sealed class RouterCircuitTests : IAsyncLifetime
{
    private FakeOllamaServer _ollama = null!;
    private FakeOpenAiServer _openAi = null!;
    private RouterHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _ollama = await FakeOllamaServer.StartNewAsync();
        _openAi = await FakeOpenAiServer.StartNewAsync();
        _harness = new RouterHarness().Ollama(0, _ollama.BaseUrl).OpenAi(1, _openAi.ApiBase)
            .Set("Retries", "0").Set("CircuitBreakerThreshold", "2").Set("HalfOpenMaxCalls", "2").Set("RecoveryTimeout", "00:01:00");
        await _harness.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _harness.DeleteData();
        await _ollama.DisposeAsync();
        await _openAi.DisposeAsync();
    }

    private CircuitBreaker OllamaBreaker => _harness.Registry.Find("ollama")!.Breaker;

    [Fact]
    public async Task Cascade_ThresholdFailures_OpensCircuitAndSkipsProviderWithoutCallingIt()
    {
        _ollama.Default = FakeReply.Error(500);
        await _harness.AskAsync();
        await _harness.AskAsync();

        Assert.Equal(CircuitState.Open, OllamaBreaker.State);
        var response = await _harness.AskAsync();

        Assert.Equal(2, _ollama.ChatRequests);
        Assert.Equal("openai", response.AdditionalProperties![RouterResponseKeys.Provider]);
        var opened = Assert.Single(await _harness.EventsAsync(EventType.ProviderCircuitOpened));
        Assert.Equal("ollama", opened.Data.GetProperty("provider").GetString());
        Assert.Equal("unavailable", _harness.Control.GetProvider("ollama")!.Availability);
        Assert.Equal(60, _harness.Control.GetProvider("ollama")!.SecondsUntilHalfOpen);
    }

    [Fact]
    public async Task Cascade_RecoveryThenTrialsSucceed_HalfOpensThenCloses()
    {
        _ollama.Default = FakeReply.Error(500);
        await _harness.AskAsync();
        await _harness.AskAsync();
        _ollama.Default = FakeReply.Answer("back");

        _harness.Time.Advance(TimeSpan.FromSeconds(61));
        var first = await _harness.AskAsync();
        Assert.Equal(CircuitState.HalfOpen, OllamaBreaker.State);
        var second = await _harness.AskAsync();

        Assert.Equal("back", first.Text);
        Assert.Equal("back", second.Text);
        Assert.Equal(CircuitState.Closed, OllamaBreaker.State);
        await _harness.EventsAsync(EventType.ProviderCircuitHalfOpened);
        await _harness.EventsAsync(EventType.ProviderCircuitClosed);
    }

    [Fact]
    public async Task Cascade_TrialFails_ReopensCircuit()
    {
        _ollama.Default = FakeReply.Error(500);
        await _harness.AskAsync();
        await _harness.AskAsync();
        _harness.Time.Advance(TimeSpan.FromSeconds(61));

        var response = await _harness.AskAsync();

        Assert.Equal("openai", response.AdditionalProperties![RouterResponseKeys.Provider]);
        Assert.Equal(3, _ollama.ChatRequests);
        Assert.Equal(CircuitState.Open, OllamaBreaker.State);
        Assert.Equal(2, (await _harness.EventsAsync(EventType.ProviderCircuitOpened, atLeast: 2)).Count);
    }

    [Fact]
    public async Task Control_ResetWhileOpen_ClosesAndProviderIsCalledAgain()
    {
        _ollama.Default = FakeReply.Error(500);
        await _harness.AskAsync();
        await _harness.AskAsync();
        _ollama.Default = FakeReply.Answer("after reset");

        var status = _harness.Control.ResetCircuit("ollama");
        var response = await _harness.AskAsync();

        Assert.Equal(CircuitState.Closed, status!.CircuitState);
        Assert.Equal("after reset", response.Text);
    }
}
