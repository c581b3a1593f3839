using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using OpenAI.Chat;
using Timmy.Core.Security;
using Timmy.Tests.Router;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.OpenAiGateway;

/// <summary>The OpenAI-compatible gateway driven by the official OpenAI SDK against the real host, whose cascade
/// holds one fake OpenAI server on loopback.</summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private FakeOpenAiServer _provider = null!;
    private GatewayWebFactory _factory = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOpenAiServer.StartNewAsync();
        _provider.Default = FakeReply.Answer("hello from the provider");
        _factory = new GatewayWebFactory();
        _factory.Settings["Timmy:Router:Retries"] = "0";
        _factory.Settings["Timmy:Chat:RequestsPerMinute"] = "5";
        _factory.Settings.AddRouterProvider(0, "upstream", "openai", _provider.ApiBase, "gpt-test", 1, GatewayWebFactory.KeyVariable);
        _factory.Settings["Timmy:Router:Providers:0:Models:1:Name"] = "gpt-other";
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private Task<string> ChatTokenAsync() => _factory.CreateTokenAsync(ApiScopes.Chat);

    [Fact]
    public async Task Complete_NonStreaming_AnswersThroughTheCascade()
    {
        var chat = GatewayClients.Chat(_factory, await ChatTokenAsync());

        ChatCompletion completion = await chat.CompleteChatAsync(
            [new SystemChatMessage("be brief"), new UserChatMessage("hi")],
            new ChatCompletionOptions { Temperature = 0.2f, MaxOutputTokenCount = 50 }, Ct);

        Assert.Equal("hello from the provider", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal("gpt-test", completion.Model);
        Assert.Equal(3, completion.Usage.InputTokenCount);
        var sent = _provider.Requests.Last();
        Assert.Equal(0.2, (double)sent["temperature"]!, 3);
    }

    [Fact]
    public async Task Complete_Streaming_SendsChunksThenDone()
    {
        var chat = GatewayClients.Chat(_factory, await ChatTokenAsync());

        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("hi")], cancellationToken: Ct))
        {
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            finish ??= update.FinishReason;
        }

        Assert.Equal("hello from the provider", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
    }

    [Fact]
    public async Task Complete_Streaming_RawEventsEndWithDone()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await ChatTokenAsync());

        var response = await client.PostAsync("/v1/chat/completions",
            new StringContent("""{"model":"timmy","stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e));
        Assert.Equal("data: [DONE]", events[^1]);
    }

    [Fact]
    public async Task Models_ListsTheCascadeAndEachConfiguredModel()
    {
        var models = await GatewayClients.OpenAi(_factory, await ChatTokenAsync()).GetOpenAIModelClient().GetModelsAsync(Ct);

        Assert.Equal(["timmy", "gpt-test", "gpt-other"], models.Value.Select(m => m.Id));
        Assert.Equal("upstream", models.Value.Single(m => m.Id == "gpt-other").OwnedBy);
    }

    [Fact]
    public async Task Complete_ConfiguredModel_IsAskedOfTheProvider()
    {
        var chat = GatewayClients.Chat(_factory, await ChatTokenAsync(), "gpt-other");

        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct);

        Assert.Equal("gpt-other", completion.Model);
        Assert.Equal("gpt-other", (string?)_provider.Requests.Last()["model"]);
    }

    [Fact]
    public async Task Complete_UnknownModel_Is404ModelNotFound()
    {
        var chat = GatewayClients.Chat(_factory, await ChatTokenAsync(), "no-such-model");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));

        Assert.Equal(404, error.Status);
        Assert.Contains("gpt-test", error.Message);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task Complete_BadToken_Is401InOpenAiShape()
    {
        var chat = GatewayClients.Chat(_factory, "tt_not-a-token");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));

        Assert.Equal(401, error.Status);
        Assert.Contains("unknown or revoked", error.Message);
    }

    [Fact]
    public async Task Complete_NoToken_Is401NotARedirect()
    {
        var response = await _factory.CreateAnonymousClient().GetAsync("/v1/models", Ct);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authentication_error", json.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Complete_TokenWithoutChatScope_Is403()
    {
        var chat = GatewayClients.Chat(_factory, await _factory.CreateTokenAsync(ApiScopes.EventsRead));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));

        Assert.Equal(403, error.Status);
        Assert.Contains("'chat' scope", error.Message);
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "messages")]
    [InlineData("""{"messages":[{"role":"wizard","content":"hi"}]}""", "messages[0].role")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"max_tokens":0}""", "max_tokens")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"n":3}""", "n")]
    [InlineData("""{"messages":"hi"}""", "$.messages")]
    public async Task Complete_BadBody_Is400NamingTheParam(string body, string param)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await ChatTokenAsync());

        var response = await client.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task Complete_BadBody_IsTheSdksBadRequest()
    {
        var chat = GatewayClients.Chat(_factory, await ChatTokenAsync());

        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            chat.CompleteChatAsync([new UserChatMessage("hi")], new ChatCompletionOptions { Temperature = 5 }, Ct));

        Assert.Equal(400, error.Status);
        Assert.Contains("temperature", error.Message);
    }

    [Fact]
    public async Task Complete_ProviderDown_Is503()
    {
        _provider.Default = FakeReply.Error(500);
        var chat = GatewayClients.Chat(_factory, await ChatTokenAsync());

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));

        Assert.Equal(503, error.Status);
        Assert.Contains("upstream", error.Message);
    }

    [Fact]
    public async Task Complete_OverTheChatAllowance_Is429()
    {
        var chat = GatewayClients.Chat(_factory, await ChatTokenAsync());
        for (var i = 0; i < 5; i++)
        {
            await chat.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct);
        }

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));

        Assert.Equal(429, error.Status);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheCompletionBody()
    {
        var client = await _factory.CreateOwnerClientAsync();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;

        var post = document.GetProperty("paths").GetProperty("/v1/chat/completions").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
    }
}
