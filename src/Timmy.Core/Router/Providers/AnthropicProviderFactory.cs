using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;

namespace Timmy.Core.Router.Providers;

/// <summary>Anthropic through the official SDK's <c>IChatClient</c>. SDK retries are off: the router's
/// pipeline owns retries and timeouts.</summary>
public static class AnthropicProviderFactory
{
    public const int DefaultMaxOutputTokens = 1024;

    public static ProviderClient Create(ProviderOptions provider, RouterEnvironment environment)
    {
        var key = ApiKeys.Read(environment, provider, out var notConfigured);
        if (key is null)
        {
            return notConfigured!;
        }
        var options = new ClientOptions { ApiKey = key, MaxRetries = 0, Timeout = TimeSpan.FromMinutes(30) };
        if (provider.Url is not null)
        {
            options.BaseUrl = provider.Url;
        }
        var client = new AnthropicClient(options);
        var chat = client.AsIChatClient(provider.DefaultModel ?? "", DefaultMaxOutputTokens);
        return ProviderClient.Ready(chat, new AnthropicProbe(client));
    }
}
