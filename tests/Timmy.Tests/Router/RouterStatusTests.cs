using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Core.Router.Status;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Router;

public sealed class RouterStatusTests : LoopbackRouterTests
{
    protected override RouterHarness Configure(RouterHarness harness)
    {
        return harness.Provider(2, "anthropic", "anthropic", null, "claude-test", 4, "UNSET_KEY_FOR_STATUS_TEST");
    }

    [Fact]
    public async Task Status_KeyVariableUnset_IsNotConfiguredAndNeverAvailable()
    {
        await Harness.StartAsync();
        await Harness.Control.ProbeAllAsync(TestContext.Current.CancellationToken);

        var anthropic = Harness.Control.GetProvider("anthropic")!;

        Assert.Equal(ProviderAvailability.NotConfigured, anthropic.Availability);
        Assert.Equal("not configured: UNSET_KEY_FOR_STATUS_TEST is not set", anthropic.Detail);
    }

    [Fact]
    public async Task Status_ApiKeyValue_NeverAppearsInStatus()
    {
        await Harness.StartAsync();

        var json = System.Text.Json.JsonSerializer.Serialize(Harness.Control.GetStatus());

        Assert.DoesNotContain("sk-test-not-a-secret", json);
        Assert.Contains("FAKE_OPENAI_KEY", json);
    }

    [Fact]
    public async Task Probe_OllamaModelPresent_Available()
    {
        await Harness.StartAsync();

        var status = await Harness.Control.ProbeAsync("ollama", TestContext.Current.CancellationToken);

        Assert.Equal(ProviderAvailability.Available, status!.Availability);
        Assert.Equal("ok: llama3.2 present", status.Detail);
        Assert.Equal("ollama", Harness.Control.GetStatus().PreferredProvider);
    }

    [Fact]
    public async Task Probe_OllamaModelMissing_UnavailableAndPreferredMovesOn()
    {
        Ollama.Models.Clear();
        Ollama.Models.Add("mistral:latest");
        await Harness.StartAsync();

        await Harness.Control.ProbeAllAsync(TestContext.Current.CancellationToken);

        var status = Harness.Control.GetStatus();
        var ollama = status.Providers.Single(p => p.Name == "ollama");
        Assert.Equal(ProviderAvailability.Unavailable, ollama.Availability);
        Assert.Contains("model llama3.2 is not pulled", ollama.Detail);
        Assert.Equal("openai", status.PreferredProvider);
        Assert.Equal(ProviderAvailability.Available, status.Providers.Single(p => p.Name == "openai").Availability);
    }

    [Fact]
    public async Task Probe_ThenCircuitOpens_StatusKeepsTheProbeResult()
    {
        Ollama.Default = FakeReply.Error(500);
        Harness.Set("CircuitBreakerThreshold", "1").Set("Retries", "0");
        await Harness.StartAsync();
        await Harness.Control.ProbeAsync("ollama", TestContext.Current.CancellationToken);

        await Harness.AskAsync();

        var ollama = Harness.Control.GetProvider("ollama")!;
        Assert.Equal("circuit open after 1 failure(s)", ollama.Detail);
        Assert.True(ollama.LastProbeAvailable);
        Assert.Equal("ok: llama3.2 present", ollama.LastProbeDetail);
    }

    [Fact]
    public async Task Probe_ServerDown_UnavailableWithReason()
    {
        Ollama.TagsFail = true;
        await Harness.StartAsync();

        var status = await Harness.Control.ProbeAsync("ollama", TestContext.Current.CancellationToken);

        Assert.Equal(ProviderAvailability.Unavailable, status!.Availability);
        Assert.StartsWith("unavailable: HTTP 500", status.Detail);
    }

    [Fact]
    public async Task Cascade_ProbeFoundFirstProviderUnavailable_TriesItLast()
    {
        Ollama.TagsFail = true;
        await Harness.StartAsync();
        await Harness.Control.ProbeAllAsync(TestContext.Current.CancellationToken);

        var response = await Harness.AskAsync();

        Assert.Equal("openai", response.Routing()!.Provider);
        Assert.True(response.Routing()!.FallbackUsed);
        Assert.Equal(0, Ollama.ChatRequests);
    }

    [Fact]
    public async Task Cascade_NoProviderPassedOver_LogsNoFallbackEvent()
    {
        Ollama.TagsFail = true;
        await Harness.StartAsync();
        await Harness.Control.ProbeAllAsync(TestContext.Current.CancellationToken);

        await Harness.AskAsync();
        // An event queued after the answer: once it is stored, a fallback event would be too.
        await Harness.Control.SetEnabledAsync("ollama", false, TestContext.Current.CancellationToken);
        await Harness.EventsAsync(EventType.ProviderDisabled);

        var stored = await Harness.Services.GetRequiredService<IEventStore>().ReadAfterAsync(0, 500, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(stored, e => e.EventType == EventType.ProviderFallback);
    }
}
