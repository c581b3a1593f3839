using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Agents;
using Timmy.Core.Chat;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Chat;

/// <summary>Timmy answering in one call, through the real router to the loopback fakes.</summary>
public sealed class TimmyAgentTests : LoopbackChatTests
{
    private static IReadOnlyList<(string? Role, string? Content)> Sent(JsonObject request) =>
        request["messages"]!.AsArray().Select(m => ((string?)m!["role"], (string?)m["content"])).ToList();

    [Fact]
    public async Task Ask_OllamaUp_StoresAnswerWithProviderModelAndLatency()
    {
        var answer = await Agent.AskAsync(null, "What is a sat?", Ct);

        Assert.False(answer.IsError);
        var m = answer.Message;
        Assert.Equal(("hello from the fake", "ollama", "llama3.2", false), (m.Content, m.Provider, m.Model, m.FallbackUsed));
        Assert.NotNull(m.LatencyMs);
        Assert.Equal(["user: What is a sat?", "assistant: hello from the fake"], await TurnsAsync(answer.ConversationId));
        Assert.Equal(m, (await Store.AllMessagesAsync(answer.ConversationId, Ct))[1]);
        var answered = Assert.Single(await Harness.EventsAsync(EventType.ChatAnswered));
        Assert.Equal(m.Id, answered.Data.GetProperty("message_id").GetInt64());
        Assert.Equal("ollama", answered.Data.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Ask_SendsSystemPromptFirstThenTheQuestion()
    {
        await Agent.AskAsync(null, "  What is a sat?  ", Ct);

        var request = Assert.Single(Ollama.Requests);
        Assert.Equal([("system", TimmyPrompt.System), ("user", "What is a sat?")], Sent(request));
    }

    [Fact]
    public async Task Ask_SameConversation_SendsTheEarlierExchange()
    {
        Ollama.Enqueue(FakeReply.Answer("first answer"));
        var first = await Agent.AskAsync(null, "first question", Ct);

        var second = await Agent.AskAsync(first.ConversationId, "second question", Ct);

        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(
            [("system", TimmyPrompt.System), ("user", "first question"), ("assistant", "first answer"), ("user", "second question")],
            Sent(Ollama.Requests[1]));
        Assert.Single(await Store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task Ask_OllamaFails_OpenAiAnswersAsFallback()
    {
        Ollama.Default = FakeReply.Error(500);

        var answer = await Agent.AskAsync(null, "hi", Ct);

        Assert.False(answer.IsError);
        Assert.Equal(("from openai", "openai", "gpt-test", true), (answer.Message.Content, answer.Message.Provider, answer.Message.Model, answer.Message.FallbackUsed));
        Assert.Equal("system", (string?)OpenAi.Requests[0]["messages"]![0]!["role"]);
    }

    [Fact]
    public async Task Ask_AllProvidersFail_StoresQuestionAndNoProviderErrorTurnListingEach()
    {
        Ollama.Default = FakeReply.Error(500);
        OpenAi.Default = FakeReply.Error(503);

        var answer = await Agent.AskAsync(null, "anyone there?", Ct);

        Assert.True(answer.IsError);
        Assert.True(answer.NoProvider);
        Assert.Equal(["ollama", "openai"], answer.Attempts.Select(a => a.Provider));
        Assert.All(answer.Attempts, a => Assert.False(a.Skipped));
        Assert.Equal(ChatErrors.NoProvider(answer.Attempts), answer.Message.Content);
        Assert.StartsWith(ChatErrors.NoProviderHeadline, answer.Message.Content);
        Assert.Contains("- **openai**: failed (", answer.Message.Content);
        Assert.Equal(["user: anyone there?", "error: " + answer.Message.Content], await TurnsAsync(answer.ConversationId));
        var failed = Assert.Single(await Harness.EventsAsync(EventType.ChatFailed));
        Assert.Equal("no provider could answer", failed.Data.GetProperty("reason").GetString());
        Assert.Equal(2, failed.Data.GetProperty("attempts").GetArrayLength());
    }

    [Fact]
    public async Task Ask_AfterAnErrorTurn_ErrorIsNotSentToTheModel()
    {
        Ollama.Enqueue(FakeReply.Error(500));
        OpenAi.Enqueue(FakeReply.Error(500));
        var failed = await Agent.AskAsync(null, "first", Ct);

        await Agent.AskAsync(failed.ConversationId, "second", Ct);

        Assert.Equal([("system", TimmyPrompt.System), ("user", "first"), ("user", "second")], Sent(Ollama.Requests[^1]));
    }

    [Fact]
    public async Task Ask_CallerCancelsWhileWaiting_StoresAnEmptyStoppedTurnThrowsAndFreesTheConversation()
    {
        Ollama.Enqueue(FakeReply.Stall());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var turn = await Agent.BeginAsync(null, "slow one", Ct);

        var answering = Agent.AnswerAsync(turn, cts.Token);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.ChatRequests == 1), "the stalled request");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answering);
        Assert.Equal(["user: slow one", "assistant: "], await TurnsAsync(turn.Conversation.Id));
        Assert.True((await Store.AllMessagesAsync(turn.Conversation.Id, Ct))[^1].Stopped);
        Assert.Equal(0, OpenAi.ChatRequests);
        Assert.False((await Agent.AskAsync(turn.Conversation.Id, "again", Ct)).IsError);
    }

    [Fact]
    public async Task Begin_WhileTheConversationIsBeingAnswered_ThrowsBusyAndStoresNothing()
    {
        Ollama.Default = FakeReply.Held();
        var turn = await Agent.BeginAsync(null, "first", Ct);
        var id = turn.Conversation.Id;

        var answering = Agent.AnswerAsync(turn, Ct);
        await Ollama.WhileHeldAsync(async () =>
        {
            var error = await Assert.ThrowsAsync<ConversationBusyException>(() => Agent.BeginAsync(id, "second", Ct));
            Assert.Equal(id, error.ConversationId);
            Assert.Equal(["user: first"], await TurnsAsync(id));
        });
        await answering;
        await Agent.AskAsync(id, "third", Ct);

        Assert.Equal(["user: first", "assistant: hello from the fake", "user: third", "assistant: hello from the fake"], await TurnsAsync(id));
    }

    [Fact]
    public async Task Begin_OtherConversationWhileOneIsBeingAnswered_IsNotBusy()
    {
        Ollama.Default = FakeReply.Held();
        var turn = await Agent.BeginAsync(null, "first", Ct);

        var answering = Agent.AnswerAsync(turn, Ct);
        await Ollama.WhileHeldAsync(async () => (await Agent.BeginAsync(null, "elsewhere", Ct)).Dispose());

        Assert.False((await answering).IsError);
    }

    [Fact]
    public async Task Begin_AfterATurnClosedWithoutAnAnswer_TakesTheNextQuestion()
    {
        var turn = await Agent.BeginAsync(null, "never answered", Ct);

        turn.Dispose();
        turn.Dispose();

        var next = await Agent.BeginAsync(turn.Conversation.Id, "next", Ct);
        await Assert.ThrowsAsync<ConversationBusyException>(() => Agent.BeginAsync(turn.Conversation.Id, "while open", Ct));
        next.Dispose();
    }

    [Fact]
    public async Task Answer_QuestionStoredAfterThisTurnsQuestion_IsNotInItsPrompt()
    {
        var turn = await Agent.BeginAsync(null, "mine", Ct);
        // As another process sharing the database (the CLI beside the server) could store it.
        await Store.AddMessageAsync(new NewConversationMessage(turn.Conversation.Id, ConversationRoles.User, "someone else's"), Ct);

        await Agent.AnswerAsync(turn, Ct);

        Assert.Equal([("system", TimmyPrompt.System), ("user", "mine")], Sent(Ollama.Requests[^1]));
    }

    [Fact]
    public async Task Answer_ConversationDeletedWhileAnswering_ThrowsDeletedAndRecordsNoFailure()
    {
        Ollama.Default = FakeReply.Held();
        var turn = await Agent.BeginAsync(null, "slow one", Ct);

        var answering = Agent.AnswerAsync(turn, Ct);
        await Ollama.WhileHeldAsync(() => Agent.DeleteAsync(turn.Conversation.Id, Ct));

        var error = await Assert.ThrowsAsync<ConversationDeletedException>(() => answering);
        Assert.Equal(turn.Conversation.Id, error.ConversationId);
        Assert.Null(await Store.GetAsync(turn.Conversation.Id, Ct));
        var events = await Harness.Services.GetRequiredService<IEventStore>().ReadAfterAsync(0, 500, Ct);
        Assert.DoesNotContain(events, e => e.EventType is EventType.ChatAnswered or EventType.ChatFailed);
        Assert.DoesNotContain(Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public async Task Begin_EmptyMessage_ThrowsAndStoresNothing(string message)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Agent.BeginAsync(null, message, Ct));

        Assert.Contains("must not be empty", error.Message);
        Assert.Empty(await Store.ListAsync(10, Ct));
        Assert.Equal(0, Ollama.ChatRequests);
    }

    [Fact]
    public async Task Begin_TooLongMessage_ThrowsAndStoresNothing()
    {
        var conversation = await Store.CreateAsync("", Ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Agent.BeginAsync(conversation.Id, new string('x', Agent.MaxMessageLength + 1), Ct));

        Assert.Contains($"at most {Agent.MaxMessageLength} characters", error.Message);
        Assert.Empty(await Store.AllMessagesAsync(conversation.Id, Ct));
        Assert.Null(Agent.Validate(new string('x', Agent.MaxMessageLength)));
    }

    [Fact]
    public async Task Begin_UnknownConversation_ThrowsConversationNotFound()
    {
        var error = await Assert.ThrowsAsync<ConversationNotFoundException>(() => Agent.BeginAsync("no-such-id", "hi", Ct));

        Assert.Equal("no-such-id", error.ConversationId);
        Assert.Empty(await Store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task Ask_LongConversation_SendsOnlyTheNewestTurnsThatFitTheWindow()
    {
        var budget = Harness.Services.GetRequiredService<ContextBudget>();
        var conversation = (await Agent.AskAsync(null, "oldest " + new string('q', 2_000), Ct)).ConversationId;
        for (var i = 0; i < 12; i++)
        {
            await Agent.AskAsync(conversation, $"question {i} " + new string('q', 2_000), Ct);
        }

        var sent = Sent(Ollama.Requests[^1]);

        Assert.Equal(("system", TimmyPrompt.System), sent[0]);
        Assert.Equal("user", sent[1].Role);
        Assert.StartsWith("question 11 ", sent[^1].Content);
        Assert.DoesNotContain(sent, m => m.Content!.StartsWith("oldest", StringComparison.Ordinal));
        Assert.True(sent.Sum(m => TokenEstimator.Estimate(m.Content!) + TokenEstimator.PerMessageOverhead) <= budget.PromptTokens());
        Assert.Equal(budget.ReplyReserve(), (int?)Ollama.Requests[^1]["options"]?["num_predict"]);
    }

    [Fact]
    public async Task Ask_MoreStoredMessagesThanAPromptCouldUse_ReadsOnlyTheNewest()
    {
        var conversation = await Store.CreateAsync("", Ct);
        for (var i = 0; i < 225; i++)
        {
            await Store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.User, $"q{i}"), Ct);
            await Store.AddMessageAsync(new NewConversationMessage(conversation.Id, ConversationRoles.Assistant, $"a{i}"), Ct);
        }

        await Agent.AskAsync(conversation.Id, "newest", Ct);

        // All 451 messages would fit the window; only the newest 400 are read (and the orphaned answer opening them dropped).
        var sent = Sent(Ollama.Requests[^1]);
        Assert.Equal(ContextBudget.MaxPromptMessages, sent.Count);
        Assert.Equal([("system", TimmyPrompt.System), ("user", "q26")], sent.Take(2));
        Assert.Equal(("user", "newest"), sent[^1]);
    }
}
