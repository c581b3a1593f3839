using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.OpenAiGateway;

/// <summary>The official OpenAI SDK pointed at the in-process host's <c>/v1</c>.</summary>
public static class GatewayClients
{
    public static OpenAIClient OpenAi(TimmyWebFactory factory, string apiKey) =>
        new(new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(factory.Server.BaseAddress, "/v1"),
            Transport = new HttpClientPipelineTransport(factory.CreateClient()),
            NetworkTimeout = TimeSpan.FromSeconds(30),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });

    public static ChatClient Chat(TimmyWebFactory factory, string apiKey, string model = "timmy") =>
        OpenAi(factory, apiKey).GetChatClient(model);
}
