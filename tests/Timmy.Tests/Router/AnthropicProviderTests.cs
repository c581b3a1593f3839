using Microsoft.Extensions.AI;
using Timmy.Core.Router;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Router;

/// <summary>The anthropic provider through the official SDK against a loopback server speaking the Messages API.</summary>
public sealed class AnthropicProviderTests : IAsyncLifetime
{
    private const string Key = "sk-ant-test-not-a-secret";
    private FakeAnthropicServer _anthropic = null!;
    private RouterHarness _harness = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _anthropic = await FakeAnthropicServer.StartNewAsync();
        _harness = new RouterHarness().Set("Timmy:Router:Retries", "0");
        _harness.Environment["FAKE_ANTHROPIC_KEY"] = Key;
        _harness.Provider(0, "anthropic", "anthropic", _anthropic.BaseUrl, "claude-test", 1, "FAKE_ANTHROPIC_KEY");
        await _harness.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _harness.DeleteData();
        await _anthropic.DisposeAsync();
    }

    [Fact]
    public async Task Complete_AnswersWithTheConfiguredModelAndSendsTheKey()
    {
        _anthropic.Default = FakeReply.Answer("hello from claude");

        var response = await _harness.AskAsync();

        Assert.Equal("hello from claude", response.Text);
        Assert.Equal("anthropic", response.Routing()!.Provider);
        Assert.Equal("claude-test", (string?)_anthropic.Requests.Single()["model"]);
        Assert.All(_anthropic.KeysSeen, key => Assert.Equal(Key, key));
    }

    [Fact]
    public async Task Stream_TokensArriveInOrder()
    {
        _anthropic.Default = FakeReply.Answer("one two three");

        var pieces = new List<string>();
        await foreach (var update in _harness.Router.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "count")], cancellationToken: Ct))
        {
            if (update.Text.Length > 0)
            {
                pieces.Add(update.Text);
            }
        }

        Assert.Equal(["one", " two", " three"], pieces);
    }

    [Fact]
    public async Task ServerError_IsAFailureNamingTheProvider()
    {
        _anthropic.Default = FakeReply.Error(500);

        var error = await Assert.ThrowsAsync<NoProviderAvailableException>(() => _harness.AskAsync());

        Assert.Contains("anthropic: failed", error.Message);
        Assert.Equal(1, _harness.Control.GetProvider("anthropic")!.Metrics.Failures);
    }

    [Fact]
    public async Task Probe_ListsTheModels()
    {
        var status = await _harness.Control.ProbeAsync("anthropic", Ct);

        Assert.Equal("available", status!.Availability);
        Assert.Equal("ok: 1 model(s)", status.LastProbeDetail);
    }
}
