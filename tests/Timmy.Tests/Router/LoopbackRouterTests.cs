using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Router;

/// <summary>Base for router tests against two loopback fakes: Ollama at priority 0, an OpenAI-compatible
/// server at priority 1. A test class adds its settings in <see cref="Configure"/>; the router starts when a
/// test (or an <see cref="InitializeAsync"/> override) calls <c>Harness.StartAsync()</c>.</summary>
public abstract class LoopbackRouterTests : IAsyncLifetime
{
    protected FakeOllamaServer Ollama { get; private set; } = null!;
    protected FakeOpenAiServer OpenAi { get; private set; } = null!;
    protected RouterHarness Harness { get; private set; } = null!;

    /// <summary>Settings, providers and default replies beyond the two fakes.</summary>
    protected virtual RouterHarness Configure(RouterHarness harness) => harness;

    public virtual async ValueTask InitializeAsync()
    {
        Ollama = await FakeOllamaServer.StartNewAsync();
        OpenAi = await FakeOpenAiServer.StartNewAsync();
        Harness = Configure(new RouterHarness().Ollama(0, Ollama.BaseUrl).OpenAi(1, OpenAi.ApiBase));
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        Harness.DeleteData();
        await Ollama.DisposeAsync();
        await OpenAi.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
