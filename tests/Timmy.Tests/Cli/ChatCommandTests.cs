using Microsoft.Extensions.Options;
using Timmy.Core.Chat;
using Timmy.Tests.Chat;
using Timmy.Tests.Router.Fakes;
using Timmy.Web.Api.Chat;
using Timmy.Web.Cli;

namespace Timmy.Tests.Cli;

/// <summary><c>timmy chat</c> against the real agent and router, with text in and out.</summary>
public sealed class ChatCommandTests : LoopbackChatTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private ChatCommand Command(string input = "") =>
        new(new ChatFlow(Agent, new ChatRateLimiter(Options.Create(new ChatAgentOptions()))), new StringReader(input), _output, _error);

    private Task<int> ReplAsync(string input) => Command(input).ReplAsync(() => Ct);

    [Fact]
    public async Task AskOnce_ProviderUp_PrintsAnswerAndWhoAnsweredAndReturns0()
    {
        var code = await Command().AskOnceAsync("What is a sat?", Ct);

        Assert.Equal(0, code);
        Assert.Contains("timmy> hello from the fake", _output.ToString());
        Assert.StartsWith("(ollama · llama3.2 · ", _error.ToString());
        var conversation = Assert.Single(await Store.ListAsync(10, Ct));
        Assert.Equal(2, conversation.MessageCount);
    }

    [Fact]
    public async Task AskOnce_NoProvider_PrintsWhyAndReturnsNoAnswerCode()
    {
        Ollama.Default = FakeReply.Error(500);
        OpenAi.Default = FakeReply.Error(500);

        var code = await Command().AskOnceAsync("hi", Ct);

        Assert.Equal(ChatCommand.NoAnswerExitCode, code);
        var error = _error.ToString();
        Assert.Contains(ChatErrors.NoProviderHeadline, error);
        Assert.Contains("- **ollama**: failed", error);
        Assert.Contains("- **openai**: failed", error);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task AskOnce_EmptyOrTooLong_Returns2AndSendsNothing(string? message)
    {
        var code = await Command().AskOnceAsync(message ?? new string('x', Agent.MaxMessageLength + 1), Ct);

        Assert.Equal(2, code);
        Assert.Contains("'message' must", _error.ToString());
        Assert.Empty(await Store.ListAsync(10, Ct));
        Assert.Equal(0, Ollama.ChatRequests);
    }

    [Fact]
    public async Task Repl_TwoLines_ShareOneConversation()
    {
        Ollama.Enqueue(FakeReply.Answer("first answer"));

        var code = await ReplAsync("first\nsecond\n");

        Assert.Equal(0, code);
        Assert.StartsWith(ChatCommand.ReplHelp, _output.ToString());
        var conversation = Assert.Single(await Store.ListAsync(10, Ct));
        Assert.Equal(4, conversation.MessageCount);
        Assert.Equal(4, Ollama.Requests[1]["messages"]!.AsArray().Count); // system, first, first answer, second
    }

    [Fact]
    public async Task Repl_New_StartsAnotherConversation()
    {
        await ReplAsync("first\n/new\nsecond\n");

        Assert.Contains("(new conversation)", _output.ToString());
        var conversations = await Store.ListAsync(10, Ct);
        Assert.Equal(2, conversations.Count);
        Assert.All(conversations, c => Assert.Equal(2, c.MessageCount));
    }

    [Fact]
    public async Task Repl_ConversationDeletedWhileAnswering_SaysSoAndStartsANewOne()
    {
        Ollama.Enqueue(FakeReply.Held());

        var running = ReplAsync("first\nsecond\n");
        await Ollama.WhileHeldAsync(async () => await Agent.DeleteAsync(Assert.Single(await Store.ListAsync(10, Ct)).Id, Ct));

        Assert.Equal(0, await running);
        Assert.Contains(new ConversationDeletedException("").Message + " The next message starts a new conversation.", _error.ToString());
        var conversation = Assert.Single(await Store.ListAsync(10, Ct));
        Assert.Equal("second", conversation.Title);
        Assert.Equal(2, conversation.MessageCount);
    }

    [Fact]
    public async Task Repl_Exit_QuitsBeforeTheLinesAfterIt()
    {
        var code = await ReplAsync("first\n/exit\nnever sent\n");

        Assert.Equal(0, code);
        Assert.Equal(1, Ollama.ChatRequests);
    }

    [Fact]
    public async Task Repl_BlankAndTooLongLines_AreNotSent()
    {
        await ReplAsync($"\n   \n{new string('x', Agent.MaxMessageLength + 1)}\n");

        Assert.Contains($"at most {Agent.MaxMessageLength} characters", _error.ToString());
        Assert.Empty(await Store.ListAsync(10, Ct));
        Assert.Equal(0, Ollama.ChatRequests);
    }
}
