using Microsoft.Extensions.AI;
using Timmy.Core.Router;
using Timmy.Core.Router.Providers;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Router;

/// <summary>The router's <see cref="RoutingInfo"/> reaches a caller that wraps the router in
/// Microsoft.Extensions.AI's function invocation, with and without a tool round, streaming or not.</summary>
public sealed class RoutingThroughFunctionInvocationTests : IAsyncLifetime
{
    private readonly FakeToolCallingClient _model = new();
    private readonly RouterHarness _harness = new();
    private IChatClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AIFunction Balance { get; } = AIFunctionFactory.Create((string account) => $"21 sats in {account}", "get_balance");

    public async ValueTask InitializeAsync()
    {
        // The primary is down, so the model at priority 1 answers as a fallback.
        var down = new FakeToolCallingClient { Down = true };
        _harness
            .Set("Retries", "0")
            .Provider(0, "primary", ProviderTypes.OpenAi, "http://127.0.0.1:9/v1", "gpt-test", 0, "UNUSED_KEY")
            .Provider(1, "local", ProviderTypes.Ollama, "http://127.0.0.1:9", "llama3.2", 1)
            .With(services => services
                .AddRouterProviderFactory(ProviderTypes.OpenAi, (_, _) => ProviderClient.Ready(down, down))
                .AddRouterProviderFactory(ProviderTypes.Ollama, (_, _) => ProviderClient.Ready(_model, _model)));
        await _harness.StartAsync();
        _client = new ChatClientBuilder(_harness.Router).UseFunctionInvocation().Build();
    }

    [Fact]
    public async Task GetResponse_NoToolCall_CarriesRouting()
    {
        var response = await _client.GetResponseAsync("hi", cancellationToken: Ct);

        Assert.Equal(FakeToolCallingClient.PlainAnswer, response.Text);
        AssertRouting(response.Routing());
        Assert.NotNull(response.Routing()!.LatencyMs);
    }

    [Fact]
    public async Task GetResponse_ToolCallRound_CarriesRoutingOfTheFinalCall()
    {
        var response = await _client.GetResponseAsync("balance?", new ChatOptions { Tools = [Balance] }, Ct);

        Assert.Equal("the tool said: 21 sats in main", response.Text);
        Assert.Equal(2, _model.Calls.Count);
        Assert.Contains(response.Messages, m => m.Contents.OfType<FunctionResultContent>().Any());
        AssertRouting(response.Routing());
        Assert.NotNull(response.Routing()!.LatencyMs);
    }

    [Fact]
    public async Task Stream_NoToolCall_EveryUpdateCarriesRouting()
    {
        var updates = await StreamAsync(null);

        Assert.Equal(FakeToolCallingClient.PlainAnswer, string.Concat(updates.Select(u => u.Text)));
        Assert.All(updates, u => AssertRouting(u.Routing()));
        Assert.NotNull(updates[0].Routing()!.TimeToFirstTokenMs);
        AssertRouting(updates.ToChatResponse().Routing());
    }

    [Fact]
    public async Task Stream_ToolCallRound_RouterUpdatesCarryRoutingAndSoDoesTheMergedResponse()
    {
        var updates = await StreamAsync(new ChatOptions { Tools = [Balance] });

        Assert.Equal("the tool said: 21 sats in main", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(2, _model.Calls.Count);
        // The function-invoking client writes the tool's result itself; everything else came through the router.
        var fromRouter = updates.Where(u => u.Role != ChatRole.Tool).ToList();
        Assert.Equal(3, fromRouter.Count);
        Assert.All(fromRouter, u => AssertRouting(u.Routing()));
        Assert.Contains(updates, u => u.Role == ChatRole.Tool && u.Routing() is null);
        AssertRouting(updates.ToChatResponse().Routing());
    }

    private static void AssertRouting(RoutingInfo? routing)
    {
        Assert.NotNull(routing);
        Assert.Equal(("local", "llama3.2", true), (routing.Provider, routing.Model, routing.FallbackUsed));
    }

    private async Task<List<ChatResponseUpdate>> StreamAsync(ChatOptions? options)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _client.GetStreamingResponseAsync("balance?", options, Ct))
        {
            updates.Add(update);
        }
        return updates;
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _harness.DeleteData();
    }
}
