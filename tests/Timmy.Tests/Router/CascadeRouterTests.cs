using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Tests.Router.Fakes;

using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Router;

public sealed class CascadeRouterTests : IAsyncLifetime
{
    private FakeOllamaServer _ollama = null!;
    private FakeOpenAiServer _openAi = null!;
    private RouterHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _ollama = await FakeOllamaServer.StartNewAsync();
        _openAi = await FakeOpenAiServer.StartNewAsync();
        _openAi.Default = FakeReply.Answer("hello from openai");
        _harness = new RouterHarness().Ollama(0, _ollama.BaseUrl).OpenAi(1, _openAi.ApiBase);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _harness.DeleteData();
        await _ollama.DisposeAsync();
        await _openAi.DisposeAsync();
    }

    [Fact]
    public async Task GetResponse_FirstProviderUp_AnswersFromItWithoutFallback()
    {
        await _harness.StartAsync();

        var response = await _harness.AskAsync();

        Assert.Equal("hello from the fake", response.Text);
        Assert.Equal("ollama", response.AdditionalProperties![RouterResponseKeys.Provider]);
        Assert.Equal("llama3.2", response.AdditionalProperties[RouterResponseKeys.Model]);
        Assert.Equal(false, response.AdditionalProperties[RouterResponseKeys.FallbackUsed]);
        Assert.Equal(0, _openAi.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_FirstProvider500_RetriesTwiceThenFailsOverInPriorityOrder()
    {
        _ollama.Default = FakeReply.Error(500);
        await _harness.StartAsync();

        var response = await _harness.AskAsync();

        Assert.Equal("hello from openai", response.Text);
        Assert.Equal("openai", response.AdditionalProperties![RouterResponseKeys.Provider]);
        Assert.Equal(true, response.AdditionalProperties[RouterResponseKeys.FallbackUsed]);
        Assert.Equal(3, _ollama.ChatRequests);
        var fallback = Assert.Single(await _harness.EventsAsync(EventType.ProviderFallback));
        Assert.Equal("openai", fallback.Data.GetProperty("provider").GetString());
        Assert.Equal("ollama", fallback.Data.GetProperty("primary").GetString());
    }

    [Fact]
    public async Task GetResponse_FirstProvider400_IsNotRetried()
    {
        _ollama.Default = FakeReply.Error(400);
        await _harness.StartAsync();

        var response = await _harness.AskAsync();

        Assert.Equal("openai", response.AdditionalProperties![RouterResponseKeys.Provider]);
        Assert.Equal(1, _ollama.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_OneTransientError_IsRetriedOnTheSameProvider()
    {
        _ollama.Enqueue(FakeReply.Error(503));
        await _harness.StartAsync();

        var response = await _harness.AskAsync();

        Assert.Equal("ollama", response.AdditionalProperties![RouterResponseKeys.Provider]);
        Assert.Equal(2, _ollama.ChatRequests);
        Assert.Equal(0, _openAi.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_ConnectionRefused_FailsOver()
    {
        var refused = _ollama.BaseUrl;
        await _ollama.DisposeAsync();
        _harness.Ollama(0, refused);
        await _harness.StartAsync();

        var response = await _harness.AskAsync();

        Assert.Equal("openai", response.AdditionalProperties![RouterResponseKeys.Provider]);
        Assert.Contains("connection failed", _harness.Registry.Find("ollama")!.Metrics.Snapshot().LastError);
    }

    [Fact]
    public async Task GetResponse_CallerNamesAnotherProvidersModel_EachProviderUsesItsOwnDefault()
    {
        await _harness.StartAsync();

        await _harness.AskAsync(model: "gpt-test");

        Assert.Equal("llama3.2", (string?)_ollama.Requests[0]["model"]);
    }

    [Fact]
    public async Task GetResponse_CallerNamesProvidersModel_ThatModelIsUsed()
    {
        _ollama.Default = FakeReply.Error(400);
        await _harness.StartAsync();

        var response = await _harness.AskAsync(model: "gpt-test");

        Assert.Equal("gpt-test", (string?)_openAi.Requests[0]["model"]);
        Assert.Equal("llama3.2", (string?)_ollama.Requests[0]["model"]);
        Assert.Equal("openai", response.AdditionalProperties![RouterResponseKeys.Provider]);
    }

    [Fact]
    public async Task GetResponse_AllFail_ThrowsListingEveryProviderAndWhy()
    {
        _ollama.Default = FakeReply.Error(500);
        _openAi.Default = FakeReply.Error(401);
        _harness.Provider(2, "llamacpp", "llamacpp", null, "no-such-model", 2).Set("Providers:2:ModelPath", "/nonexistent/model.gguf")
            .Provider(3, "anthropic", "anthropic", null, "claude-test", 4, "UNSET_ANTHROPIC_KEY_FOR_TEST");
        await _harness.StartAsync();

        var error = await Assert.ThrowsAsync<NoProviderAvailableException>(() => _harness.AskAsync());

        Assert.Equal(4, error.Attempts.Count);
        Assert.Contains("ollama: failed (HTTP 500", error.Message);
        Assert.Contains("llamacpp: failed (", error.Message); // no model in a temp store: the tier reports why
        Assert.Contains("openai: failed (HTTP 401", error.Message);
        Assert.Contains("anthropic: skipped (not configured: UNSET_ANTHROPIC_KEY_FOR_TEST is not set)", error.Message);
        Assert.Equal(1, _openAi.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_DisabledProvider_IsSkipped()
    {
        await _harness.StartAsync();
        await _harness.Control.SetEnabledAsync("ollama", false, TestContext.Current.CancellationToken);

        var response = await _harness.AskAsync();

        Assert.Equal("openai", response.AdditionalProperties![RouterResponseKeys.Provider]);
        Assert.Equal(0, _ollama.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_ProviderStalls_TimesOutAndFailsOver()
    {
        _ollama.Default = FakeReply.Stall();
        _harness.Set("Retries", "0");
        await _harness.StartAsync();

        var call = _harness.AskAsync();
        await Eventually.TrueAsync(() => Task.FromResult(_ollama.ChatRequests == 1), "the stalled request");
        _harness.Time.Advance(TimeSpan.FromSeconds(31));
        var response = await call;

        Assert.Equal("openai", response.AdditionalProperties![RouterResponseKeys.Provider]);
        Assert.Contains("timed out after 30 s", _harness.Registry.Find("ollama")!.Metrics.Snapshot().LastError);
        await Eventually.TrueAsync(() => Task.FromResult(_ollama.AbortedRequests == 1), "the stalled request to be aborted");
    }

    [Fact]
    public async Task GetResponse_CallerCancels_StopsTheProviderCallWithoutFailover()
    {
        _ollama.Default = FakeReply.Stall();
        await _harness.StartAsync();
        using var cts = new CancellationTokenSource();

        var call = _harness.AskUntilAsync(cts.Token);
        await Eventually.TrueAsync(() => Task.FromResult(_ollama.ChatRequests == 1), "the stalled request");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Eventually.TrueAsync(() => Task.FromResult(_ollama.AbortedRequests == 1), "the provider request to be aborted");
        Assert.Equal(0, _openAi.ChatRequests);
        Assert.Equal(0, _harness.Registry.Find("ollama")!.Metrics.Snapshot().Failures);
    }

    [Fact]
    public async Task GetResponse_Success_RecordsMetricsAndTokens()
    {
        await _harness.StartAsync();

        await _harness.AskAsync();

        var metrics = _harness.Registry.Find("ollama")!.Metrics.Snapshot();
        Assert.Equal(1, metrics.Requests);
        Assert.Equal(1, metrics.Successes);
        Assert.Equal(7, metrics.TokensIn);
        Assert.Equal(5, metrics.TokensOut);
        Assert.NotNull(metrics.LastSuccessAt);
    }
}
