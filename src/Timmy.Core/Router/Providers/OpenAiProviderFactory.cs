using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Timmy.Core.Router.Providers;

/// <summary>Any OpenAI-compatible server (OpenAI, llama.cpp's server, vLLM, LM Studio, OpenRouter) through
/// the OpenAI SDK. The SDK's own retries are off: the router's pipeline owns retries and timeouts.</summary>
public static class OpenAiProviderFactory
{
    public const string DefaultBaseUrl = "https://api.openai.com/v1";
    private const string NoKey = "no-key";

    /// <summary>A server other than OpenAI's own on this machine or network: its key is optional.</summary>
    public static bool IsLocalServer(ProviderOptions provider) =>
        provider.Url is not null && Uri.TryCreate(provider.Url, UriKind.Absolute, out var url) && url.Host != new Uri(DefaultBaseUrl).Host;

    public static ProviderClient Create(ProviderOptions provider, RouterEnvironment environment)
    {
        var key = ApiKeys.Read(environment, provider, out var notConfigured);
        if (key is null && !IsLocalServer(provider))
        {
            return notConfigured!;
        }
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(provider.Url ?? DefaultBaseUrl),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromMinutes(30),
        };
        // Local servers take any key, but the SDK needs one to send.
        var client = new OpenAIClient(new ApiKeyCredential(key ?? NoKey), options);
        var chat = client.GetChatClient(provider.DefaultModel ?? "").AsIChatClient();
        return ProviderClient.Ready(chat, new OpenAiProbe(client, provider.DefaultModel));
    }
}
