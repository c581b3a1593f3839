using Timmy.Core.Router;
using Timmy.Core.Router.Status;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Router;

public sealed class RouterStatusTests : IAsyncLifetime
{
    private FakeOllamaServer _ollama = null!;
    private FakeOpenAiServer _openAi = null!;
    private RouterHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _ollama = await FakeOllamaServer.StartNewAsync();
        _openAi = await FakeOpenAiServer.StartNewAsync();
        _harness = new RouterHarness().Ollama(0, _ollama.BaseUrl).OpenAi(1, _openAi.ApiBase)
            .Provider(2, "anthropic", "anthropic", null, "claude-test", 4, "UNSET_KEY_FOR_STATUS_TEST");
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _harness.DeleteData();
        await _ollama.DisposeAsync();
        await _openAi.DisposeAsync();
    }

    [Fact]
    public async Task Status_KeyVariableUnset_IsNotConfiguredAndNeverAvailable()
    {
        await _harness.StartAsync();
        await _harness.Control.ProbeAllAsync(TestContext.Current.CancellationToken);

        var anthropic = _harness.Control.GetProvider("anthropic")!;

        Assert.Equal(ProviderAvailability.NotConfigured, anthropic.Availability);
        Assert.Equal("not configured: UNSET_KEY_FOR_STATUS_TEST is not set", anthropic.Detail);
    }

    [Fact]
    public async Task Status_ApiKeyValue_NeverAppearsInStatus()
    {
        await _harness.StartAsync();

        var json = System.Text.Json.JsonSerializer.Serialize(_harness.Control.GetStatus());

        Assert.DoesNotContain("sk-test-not-a-secret", json);
        Assert.Contains("FAKE_OPENAI_KEY", json);
    }

    [Fact]
    public async Task Probe_OllamaModelPresent_Available()
    {
        await _harness.StartAsync();

        var status = await _harness.Control.ProbeAsync("ollama", TestContext.Current.CancellationToken);

        Assert.Equal(ProviderAvailability.Available, status!.Availability);
        Assert.Equal("ok: llama3.2 present", status.Detail);
        Assert.Equal("ollama", _harness.Control.GetStatus().PreferredProvider);
    }

    [Fact]
    public async Task Probe_OllamaModelMissing_UnavailableAndPreferredMovesOn()
    {
        _ollama.Models.Clear();
        _ollama.Models.Add("mistral:latest");
        await _harness.StartAsync();

        await _harness.Control.ProbeAllAsync(TestContext.Current.CancellationToken);

        var status = _harness.Control.GetStatus();
        var ollama = status.Providers.Single(p => p.Name == "ollama");
        Assert.Equal(ProviderAvailability.Unavailable, ollama.Availability);
        Assert.Contains("model llama3.2 is not pulled", ollama.Detail);
        Assert.Equal("openai", status.PreferredProvider);
        Assert.Equal(ProviderAvailability.Available, status.Providers.Single(p => p.Name == "openai").Availability);
    }

    [Fact]
    public async Task Probe_ServerDown_UnavailableWithReason()
    {
        _ollama.TagsFail = true;
        await _harness.StartAsync();

        var status = await _harness.Control.ProbeAsync("ollama", TestContext.Current.CancellationToken);

        Assert.Equal(ProviderAvailability.Unavailable, status!.Availability);
        Assert.StartsWith("unavailable: HTTP 500", status.Detail);
    }

    [Fact]
    public async Task Cascade_ProbeFoundFirstProviderUnavailable_TriesItLast()
    {
        _ollama.TagsFail = true;
        await _harness.StartAsync();
        await _harness.Control.ProbeAllAsync(TestContext.Current.CancellationToken);

        var response = await _harness.AskAsync();

        Assert.Equal("openai", response.AdditionalProperties![RouterResponseKeys.Provider]);
        Assert.Equal(true, response.AdditionalProperties[RouterResponseKeys.FallbackUsed]);
        Assert.Equal(0, _ollama.ChatRequests);
    }
}
