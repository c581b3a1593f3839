using Timmy.Tests.Router.Fakes;

namespace Timmy.E2E.Infrastructure;

/// <summary>The browser fixture with a loopback Ollama as the router's first tier. Two failed calls open
/// its circuit, and it stays open long enough for a test to look at it.</summary>
public sealed class RouterBrowserFixture : BrowserFixture
{
    public const int CircuitBreakerThreshold = 2;

    public FakeOllamaServer Ollama { get; private set; } = default!;

    protected override async Task<TimmyServer> StartServerAsync()
    {
        Ollama = await FakeOllamaServer.StartNewAsync();
        return await TimmyServer.StartAsync(new Dictionary<string, string>
        {
            ["OLLAMA_URL"] = Ollama.BaseUrl,
            ["Timmy__Router__CircuitBreakerThreshold"] = CircuitBreakerThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Timmy__Router__Retries"] = "0",
            ["Timmy__Router__RecoveryTimeout"] = "00:10:00",
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Ollama is not null)
        {
            await Ollama.DisposeAsync();
        }
    }
}
