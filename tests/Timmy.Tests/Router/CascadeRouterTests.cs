using Timmy.Core.Events;
using Timmy.Core.Router;
using Timmy.Core.Router.Circuit;
using Timmy.Tests.Router.Fakes;

using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Router;

public sealed class CascadeRouterTests : LoopbackRouterTests
{
    protected override RouterHarness Configure(RouterHarness harness)
    {
        OpenAi.Default = FakeReply.Answer("hello from openai");
        return harness;
    }

    [Fact]
    public async Task GetResponse_FirstProviderUp_AnswersFromItWithoutFallback()
    {
        await Harness.StartAsync();

        var response = await Harness.AskAsync();

        Assert.Equal("hello from the fake", response.Text);
        Assert.Equal("ollama", response.Routing()!.Provider);
        Assert.Equal("llama3.2", response.Routing()!.Model);
        Assert.False(response.Routing()!.FallbackUsed);
        Assert.Equal(0, OpenAi.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_FirstProvider500_RetriesTwiceThenFailsOverInPriorityOrder()
    {
        Ollama.Default = FakeReply.Error(500);
        await Harness.StartAsync();

        var response = await Harness.AskAsync();

        Assert.Equal("hello from openai", response.Text);
        Assert.Equal("openai", response.Routing()!.Provider);
        Assert.True(response.Routing()!.FallbackUsed);
        Assert.Equal(3, Ollama.ChatRequests);
        var fallback = Assert.Single(await Harness.EventsAsync(EventType.ProviderFallback));
        Assert.Equal("openai", fallback.Data.GetProperty("provider").GetString());
        Assert.Equal("ollama", fallback.Data.GetProperty("primary").GetString());
    }

    [Fact]
    public async Task GetResponse_FirstProvider400_IsNotRetried()
    {
        Ollama.Default = FakeReply.Error(400);
        await Harness.StartAsync();

        var response = await Harness.AskAsync();

        Assert.Equal("openai", response.Routing()!.Provider);
        Assert.Equal(1, Ollama.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_OneTransientError_IsRetriedOnTheSameProvider()
    {
        Ollama.Enqueue(FakeReply.Error(503));
        await Harness.StartAsync();

        var response = await Harness.AskAsync();

        Assert.Equal("ollama", response.Routing()!.Provider);
        Assert.Equal(2, Ollama.ChatRequests);
        Assert.Equal(0, OpenAi.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_ConnectionRefused_FailsOver()
    {
        var refused = Ollama.BaseUrl;
        await Ollama.DisposeAsync();
        Harness.Ollama(0, refused);
        await Harness.StartAsync();

        var response = await Harness.AskAsync();

        Assert.Equal("openai", response.Routing()!.Provider);
        Assert.Contains("connection failed", Harness.Registry.Find("ollama")!.Metrics.Snapshot().LastError);
    }

    [Fact]
    public async Task GetResponse_CallerNamesAnotherProvidersModel_EachProviderUsesItsOwnDefault()
    {
        await Harness.StartAsync();

        await Harness.AskAsync(model: "gpt-test");

        Assert.Equal("llama3.2", (string?)Ollama.Requests[0]["model"]);
    }

    [Fact]
    public async Task GetResponse_CallerNamesProvidersModel_ThatModelIsUsed()
    {
        Ollama.Default = FakeReply.Error(400);
        await Harness.StartAsync();

        var response = await Harness.AskAsync(model: "gpt-test");

        Assert.Equal("gpt-test", (string?)OpenAi.Requests[0]["model"]);
        Assert.Equal("llama3.2", (string?)Ollama.Requests[0]["model"]);
        Assert.Equal("openai", response.Routing()!.Provider);
    }

    [Fact]
    public async Task GetResponse_AllFail_ThrowsListingEveryProviderAndWhy()
    {
        Ollama.Default = FakeReply.Error(500);
        OpenAi.Default = FakeReply.Error(401);
        Harness.Provider(2, "llamacpp", "llamacpp", null, "no-such-model", 2).Set("Providers:2:ModelPath", "/nonexistent/model.gguf")
            .Provider(3, "anthropic", "anthropic", null, "claude-test", 4, "UNSET_ANTHROPIC_KEY_FOR_TEST");
        await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<NoProviderAvailableException>(() => Harness.AskAsync());

        Assert.Equal(4, error.Attempts.Count);
        Assert.Contains("ollama: failed (HTTP 500", error.Message);
        Assert.Contains("llamacpp: skipped (unavailable: ", error.Message); // no model file: the tier says why
        Assert.Contains("openai: failed (HTTP 401", error.Message);
        Assert.Contains("anthropic: skipped (not configured: UNSET_ANTHROPIC_KEY_FOR_TEST is not set)", error.Message);
        Assert.Equal(1, OpenAi.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_DisabledProvider_IsSkipped()
    {
        await Harness.StartAsync();
        await Harness.Control.SetEnabledAsync("ollama", false, TestContext.Current.CancellationToken);

        var response = await Harness.AskAsync();

        Assert.Equal("openai", response.Routing()!.Provider);
        Assert.Equal(0, Ollama.ChatRequests);
    }

    [Fact]
    public async Task GetResponse_ProviderStalls_TimesOutAndFailsOver()
    {
        Ollama.Default = FakeReply.Stall();
        Harness.Set("Retries", "0");
        await Harness.StartAsync();

        var call = Harness.AskAsync();
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.ChatRequests == 1), "the stalled request");
        Harness.Time.Advance(TimeSpan.FromSeconds(31));
        var response = await call;

        Assert.Equal("openai", response.Routing()!.Provider);
        Assert.Contains("timed out after 30 s", Harness.Registry.Find("ollama")!.Metrics.Snapshot().LastError);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.AbortedRequests == 1), "the stalled request to be aborted");
    }

    [Fact]
    public async Task GetResponse_CallerCancels_StopsTheProviderCallWithoutFailover()
    {
        Ollama.Default = FakeReply.Stall();
        await Harness.StartAsync();
        using var cts = new CancellationTokenSource();

        var call = Harness.AskUntilAsync(cts.Token);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.ChatRequests == 1), "the stalled request");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.AbortedRequests == 1), "the provider request to be aborted");
        Assert.Equal(0, OpenAi.ChatRequests);
        Assert.Equal(0, Harness.Registry.Find("ollama")!.Metrics.Snapshot().Failures);
    }

    [Fact]
    public async Task GetResponse_Success_RecordsMetricsAndTokens()
    {
        await Harness.StartAsync();

        await Harness.AskAsync();

        var metrics = Harness.Registry.Find("ollama")!.Metrics.Snapshot();
        Assert.Equal(1, metrics.Requests);
        Assert.Equal(1, metrics.Successes);
        Assert.Equal(7, metrics.TokensIn);
        Assert.Equal(5, metrics.TokensOut);
        Assert.NotNull(metrics.LastSuccessAt);
    }

    [Fact]
    public async Task Cascade_LocalTierThatCannotRunHere_IsSkippedWithItsReason_AndItsCircuitStaysClosed()
    {
        var missing = Path.Combine(Path.GetTempPath(), "timmy-missing-" + Guid.NewGuid().ToString("N"));
        Harness.Provider(2, "llamacpp", "llamacpp", null, "tiny", 2)
            .Set("Providers:2:ModelPath", Path.Combine(missing, "tiny.gguf"))
            .Set("CircuitBreakerThreshold", "1");
        Ollama.Default = FakeReply.Error(404);
        await Harness.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            var response = await Harness.AskAsync();
            Assert.Equal("openai", response.Routing()!.Provider);
        }
        Assert.Equal(CircuitState.Closed, Harness.Registry.Find("llamacpp")!.Breaker.State);

        OpenAi.Default = FakeReply.Error(404);
        var error = await Assert.ThrowsAsync<NoProviderAvailableException>(() => Harness.AskAsync());
        var local = Assert.Single(error.Attempts, a => a.Provider == "llamacpp");
        Assert.True(local.Skipped);
        Assert.StartsWith("unavailable: ", local.Reason);
    }
}
