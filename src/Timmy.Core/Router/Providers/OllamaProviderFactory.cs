using OllamaSharp;

namespace Timmy.Core.Router.Providers;

/// <summary>Ollama through OllamaSharp's own <c>IChatClient</c>. The HTTP client has no timeout of its own:
/// the router's pipeline owns timeouts and retries.</summary>
public static class OllamaProviderFactory
{
    public static ProviderClient Create(ProviderOptions provider)
    {
        var http = new HttpClient { BaseAddress = new Uri(provider.Url!), Timeout = Timeout.InfiniteTimeSpan };
        var client = new OllamaApiClient(http, provider.DefaultModel ?? "");
        return ProviderClient.Ready(client, new OllamaProbe(client, provider.DefaultModel));
    }
}
