using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using Timmy.Core.Router;
using Timmy.Core.Router.Providers;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router;

namespace Timmy.Tests.OpenAiGateway;

/// <summary>A tool round through the gateway with the OpenAI SDK: the client offers a tool, the model asks for it
/// (tool_calls out), the client runs it and sends the result back (a tool message in), the model answers with it.</summary>
public sealed class GatewayToolCallTests : IAsyncLifetime
{
    private readonly FakeToolCallingClient _model = new();
    private GatewayWebFactory _factory = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ChatTool Balance { get; } = ChatTool.CreateFunctionTool(
        "get_balance", "The balance of an account",
        BinaryData.FromString("""{"type":"object","properties":{"account":{"type":"string"}},"required":["account"]}"""));

    public ValueTask InitializeAsync()
    {
        _factory = new GatewayWebFactory(s => s.AddRouterProviderFactory(ProviderTypes.Ollama, (_, _) => ProviderClient.Ready(_model, _model)));
        _factory.Settings.AddRouterProvider(0, "local", ProviderTypes.Ollama, "http://127.0.0.1:9", "llama3.2", 1);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Complete_ToolRoundTrip_CallsOutAndResultsBackIn()
    {
        var chat = GatewayClients.Chat(_factory, await _factory.CreateTokenAsync(ApiScopes.Chat));
        var options = new ChatCompletionOptions { Tools = { Balance } };
        List<OpenAI.Chat.ChatMessage> messages = [new UserChatMessage("what is my balance?")];

        ChatCompletion first = await chat.CompleteChatAsync(messages, options, Ct);
        var call = Assert.Single(first.ToolCalls);
        messages.Add(new AssistantChatMessage(first));
        messages.Add(new ToolChatMessage(call.Id, "21 sats"));
        ChatCompletion second = await chat.CompleteChatAsync(messages, options, Ct);

        Assert.Equal(OpenAI.Chat.ChatFinishReason.ToolCalls, first.FinishReason);
        Assert.Equal("get_balance", call.FunctionName);
        Assert.Equal("main", JsonDocument.Parse(call.FunctionArguments).RootElement.GetProperty("account").GetString());
        Assert.Equal("the tool said: 21 sats", second.Content[0].Text);
        var offered = Assert.Single(_model.Calls[0]);
        Assert.Equal(ChatRole.User, offered.Role);
        var result = _model.Calls[1][^1].Contents.OfType<FunctionResultContent>().Single();
        Assert.Equal(call.Id, result.CallId);
        Assert.Contains(_model.Calls[1], m => m.Contents.OfType<FunctionCallContent>().Any(c => c.CallId == call.Id && c.Name == "get_balance"));
    }

    [Fact]
    public async Task Stream_ToolCall_ArrivesAsToolCallUpdates()
    {
        var chat = GatewayClients.Chat(_factory, await _factory.CreateTokenAsync(ApiScopes.Chat));

        var names = new List<string>();
        OpenAI.Chat.ChatFinishReason? finish = null;
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("balance?")], new ChatCompletionOptions { Tools = { Balance } }, Ct))
        {
            names.AddRange(update.ToolCallUpdates.Where(u => u.FunctionName is not null).Select(u => u.FunctionName));
            finish ??= update.FinishReason;
        }

        Assert.Equal(["get_balance"], names);
        Assert.Equal(OpenAI.Chat.ChatFinishReason.ToolCalls, finish);
    }
}
