using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Agents;
using Timmy.Core.Router;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Agents;

public sealed class AgentRunnerTests
{
    private static readonly RoutingInfo Local = new("local", "llama3.2", false);

    private readonly FakeTimeProvider _time = new();
    private readonly FakeToolCallingClient _model = new() { Routing = Local };
    private readonly AgentRunner _runner;

    public AgentRunnerTests() => _runner = new AgentRunner(_model, _time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AgentRequest Ask(string question) => new("You are Seer.", [new ChatMessage(ChatRole.User, question)]);

    [Fact]
    public async Task Run_NoTools_SendsInstructionsFirstAndReturnsTextWithRouting()
    {
        var reply = await _runner.RunAsync(Ask("hi"), Ct);

        Assert.Equal(FakeToolCallingClient.PlainAnswer, reply.Text);
        Assert.Equal(Local, reply.Routing);
        var sent = Assert.Single(_model.Calls);
        Assert.Equal([(ChatRole.System, "You are Seer."), (ChatRole.User, "hi")], sent.Select(m => (m.Role, m.Text)));
    }

    [Fact]
    public async Task Run_ToolCall_InvokesToolSendsResultBackAndAnswers()
    {
        string? asked = null;
        var balance = AIFunctionFactory.Create((string account) =>
        {
            asked = account;
            _time.Advance(TimeSpan.FromSeconds(2));
            return "21 sats";
        }, "get_balance");

        var reply = await _runner.RunAsync(Ask("balance?") with { Tools = [balance] }, Ct);

        Assert.Equal("the tool said: 21 sats", reply.Text);
        Assert.Equal("main", asked);
        Assert.Equal(2, _model.Calls.Count);
        Assert.Equal(Local, reply.Routing);
        Assert.Equal(2000, reply.LatencyMs);
        Assert.Collection(reply.Messages,
            m => Assert.IsType<FunctionCallContent>(Assert.Single(m.Contents)),
            m => Assert.Equal("21 sats", Assert.IsType<FunctionResultContent>(Assert.Single(m.Contents)).Result?.ToString()),
            m => Assert.Equal("the tool said: 21 sats", m.Text));
    }

    [Fact]
    public async Task Stream_ToolCall_StreamsTheFinalAnswerWithRouting()
    {
        var balance = AIFunctionFactory.Create((string account) => $"7 sats in {account}", "get_balance");
        var updates = new List<AgentUpdate>();

        await foreach (var update in _runner.StreamAsync(Ask("balance?") with { Tools = [balance] }, Ct))
        {
            updates.Add(update);
        }

        Assert.Equal("the tool said: 7 sats in main", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(Local, updates[^1].Routing);
        Assert.Equal(2, _model.Calls.Count);
    }

    [Fact]
    public async Task Run_PromptTokens_DropsTheOldestTurnsButKeepsInstructions()
    {
        var old = new string('x', 400);
        var request = new AgentRequest("sys", [
            new ChatMessage(ChatRole.User, old), new ChatMessage(ChatRole.Assistant, old), new ChatMessage(ChatRole.User, "now")])
        {
            PromptTokens = 50,
        };

        await _runner.RunAsync(request, Ct);

        Assert.Equal([(ChatRole.System, "sys"), (ChatRole.User, "now")], _model.Calls[0].Select(m => (m.Role, m.Text)));
    }
}
