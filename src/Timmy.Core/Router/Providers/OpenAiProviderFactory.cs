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

    public static ProviderClient Create(ProviderOptions provider, RouterEnvironment environment)
    {
        var key = ApiKeys.Read(environment, provider, out var notConfigured);
        if (key is null)
        {
            return notConfigured!;
        }
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(provider.Url ?? DefaultBaseUrl),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromMinutes(30),
        };
        var client = new OpenAIClient(new ApiKeyCredential(key), options);
        var chat = client.GetChatClient(provider.DefaultModel ?? "").AsIChatClient();
        return ProviderClient.Ready(chat, new OpenAiProbe(client, provider.DefaultModel));
    }
}
