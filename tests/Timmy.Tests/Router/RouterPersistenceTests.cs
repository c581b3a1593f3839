using Timmy.Core.Router;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Router;

/// <summary>Metrics, history and overrides survive a restart: new service instances over the same SQLite file.</summary>
public sealed class RouterPersistenceTests : IAsyncLifetime
{
    private FakeOllamaServer _ollama = null!;
    private readonly List<RouterHarness> _harnesses = [];

    public async ValueTask InitializeAsync() => _ollama = await FakeOllamaServer.StartNewAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }
        _harnesses[0].DeleteData();
        await _ollama.DisposeAsync();
    }

    private async Task<RouterHarness> StartAsync(string? dataDirectory = null)
    {
        var harness = new RouterHarness(dataDirectory).Ollama(0, _ollama.BaseUrl).Set("Retries", "0");
        _harnesses.Add(harness);
        return await harness.StartAsync();
    }

    [Fact]
    public async Task Metrics_FlushedThenRestarted_TotalsAndErrorAreKept()
    {
        var first = await StartAsync();
        await first.AskAsync();
        await first.AskAsync();
        _ollama.Default = FakeReply.Error(400);
        await Assert.ThrowsAsync<NoProviderAvailableException>(() => first.AskAsync());
        await first.Control.FlushAsync(TestContext.Current.CancellationToken);
        await first.DisposeAsync();

        var second = await StartAsync(first.DataDirectory);
        var metrics = second.Control.GetProvider("ollama")!.Metrics;

        Assert.Equal(3, metrics.Requests);
        Assert.Equal(2, metrics.Successes);
        Assert.Equal(1, metrics.Failures);
        Assert.Equal(14, metrics.TokensIn);
        Assert.Equal(10, metrics.TokensOut);
        Assert.Equal("rejected by the server: scripted 400", metrics.LastError);
        Assert.Equal(first.Time.GetUtcNow(), metrics.LastErrorAt);
    }

    [Fact]
    public async Task Metrics_NewCallsAfterRestart_AddToSavedTotals()
    {
        var first = await StartAsync();
        await first.AskAsync();
        await first.Control.FlushAsync(TestContext.Current.CancellationToken);
        await first.DisposeAsync();

        var second = await StartAsync(first.DataDirectory);
        await second.AskAsync();
        await second.Control.FlushAsync(TestContext.Current.CancellationToken);
        await second.DisposeAsync();
        var third = await StartAsync(first.DataDirectory);

        Assert.Equal(2, third.Control.GetProvider("ollama")!.Metrics.Successes);
    }

    [Fact]
    public async Task History_SecondProcessFlushesItsHistory_ItsCallsShowInTheServersChart()
    {
        var server = await StartAsync();
        var start = server.Time.GetUtcNow();
        await server.AskAsync();
        await server.Control.FlushAsync(TestContext.Current.CancellationToken);
        var cli = await StartAsync(server.DataDirectory);
        await cli.AskAsync();
        await cli.AskAsync();

        await cli.Control.FlushHistoryAsync(TestContext.Current.CancellationToken);
        var history = await server.Control.GetHistoryAsync(start.AddMinutes(-5), "ollama", TestContext.Current.CancellationToken);
        await server.DisposeAsync();
        await cli.DisposeAsync();
        var restarted = await StartAsync(server.DataDirectory);

        Assert.Equal(3, history.Sum(h => h.Requests));
        Assert.Equal(1, restarted.Control.GetProvider("ollama")!.Metrics.Requests); // the server's totals, not overwritten by the CLI
    }

    [Fact]
    public async Task History_CallsInTwoMinutes_AreTwoPointsSummedPerMinute()
    {
        var harness = await StartAsync();
        var start = harness.Time.GetUtcNow();
        await harness.AskAsync();
        await harness.Control.FlushAsync(TestContext.Current.CancellationToken);
        await harness.AskAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.AskAsync();

        var history = await harness.Control.GetHistoryAsync(start.AddMinutes(-5), "ollama", TestContext.Current.CancellationToken);

        Assert.Equal(2, history.Count);
        Assert.Equal(2, history[0].Requests);
        Assert.Equal(1, history[1].Requests);
        Assert.Equal(start, history[0].Minute);
        Assert.Equal(21, history.Sum(h => h.TokensIn));
    }

    [Fact]
    public async Task Disable_ThenRestart_OverrideIsKept()
    {
        var first = await StartAsync();
        await first.Control.SetEnabledAsync("ollama", false, TestContext.Current.CancellationToken);
        await first.DisposeAsync();

        var second = await StartAsync(first.DataDirectory);

        Assert.False(second.Control.GetProvider("ollama")!.Enabled);
        Assert.Equal("disabled", second.Control.GetProvider("ollama")!.Availability);
        await Assert.ThrowsAsync<NoProviderAvailableException>(() => second.AskAsync());
        Assert.Equal(0, _ollama.ChatRequests);
    }
}
