using Timmy.Core.Chat;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Chat;

/// <summary>Timmy streaming an answer through the real router to the loopback fakes.</summary>
public sealed class TimmyAgentStreamTests : LoopbackChatTests
{
    /// <summary>Reads the whole stream; <paramref name="onText"/> sees the text so far after each piece.</summary>
    private async Task<List<ChatStreamUpdate>> StreamAsync(ChatTurn turn, CancellationToken cancellationToken, Action<string>? onText = null)
    {
        var updates = new List<ChatStreamUpdate>();
        await foreach (var update in Agent.StreamAsync(turn, cancellationToken))
        {
            updates.Add(update);
            onText?.Invoke(string.Concat(updates.Select(u => u.Text)));
        }
        return updates;
    }

    [Fact]
    public async Task Stream_ProviderUp_YieldsTokensThenTheStoredAnswer()
    {
        var turn = await Agent.BeginAsync(null, "count", Ct);

        var updates = await StreamAsync(turn, Ct);

        Assert.Equal(["hello", " from", " the", " fake"], updates.SkipLast(1).Select(u => u.Text));
        Assert.All(updates.SkipLast(1), u => Assert.Null(u.Answer));
        var answer = updates[^1].Answer;
        Assert.NotNull(answer);
        Assert.Null(updates[^1].Text);
        Assert.False(answer.IsError);
        Assert.Equal(("hello from the fake", "ollama", "llama3.2", false), (answer.Message.Content, answer.Message.Provider, answer.Message.Model, answer.Message.FallbackUsed));
        Assert.NotNull(answer.Message.LatencyMs);
        Assert.Equal(["user: count", "assistant: hello from the fake"], await TurnsAsync(turn.Conversation.Id));
        Assert.Single(await Harness.EventsAsync(EventType.ChatAnswered));
        Assert.Equal("system", (string?)Ollama.Requests[0]["messages"]![0]!["role"]);
    }

    [Fact]
    public async Task Stream_OllamaFailsBeforeFirstToken_OpenAiAnswersAsFallback()
    {
        Ollama.Default = FakeReply.Error(500);
        var turn = await Agent.BeginAsync(null, "hi", Ct);

        var answer = (await StreamAsync(turn, Ct))[^1].Answer!;

        Assert.Equal(("from openai", "openai", true), (answer.Message.Content, answer.Message.Provider, answer.Message.FallbackUsed));
    }

    [Fact]
    public async Task Stream_AllProvidersFail_EndsWithNoProviderErrorTurn()
    {
        Ollama.Default = FakeReply.Error(500);
        OpenAi.Default = FakeReply.Error(500);
        var turn = await Agent.BeginAsync(null, "hi", Ct);

        var update = Assert.Single(await StreamAsync(turn, Ct));

        Assert.True(update.Answer!.IsError);
        Assert.True(update.Answer.NoProvider);
        Assert.Equal(["ollama", "openai"], update.Answer.Attempts.Select(a => a.Provider));
        Assert.Equal(["user: hi", "error: " + update.Answer.Message.Content], await TurnsAsync(turn.Conversation.Id));
        Assert.Single(await Harness.EventsAsync(EventType.ChatFailed));
    }

    [Fact]
    public async Task Stream_DroppedAfterTokens_StoresInterruptedTurnWithWhatArrived()
    {
        Ollama.Default = FakeReply.DropAfter(2);
        var turn = await Agent.BeginAsync(null, "count", Ct);

        var updates = await StreamAsync(turn, Ct, text =>
        {
            if (text == "one two")
            {
                Ollama.ReleaseDrop.TrySetResult();
            }
        });

        var answer = updates[^1].Answer!;
        Assert.True(answer.IsError);
        Assert.False(answer.NoProvider);
        Assert.StartsWith("The answer was cut off: ", answer.Message.Content);
        Assert.EndsWith("What arrived before that:\n\none two", answer.Message.Content);
        Assert.Equal("ollama", answer.Message.Provider);
        Assert.Equal(0, OpenAi.ChatRequests);
        Assert.Equal(2, (await Store.AllMessagesAsync(turn.Conversation.Id, Ct)).Count);
    }

    [Fact]
    public async Task Stream_StoppedMidStream_KeepsWhatArrivedAsAStoppedAnswer_NotAFailure()
    {
        Ollama.Default = FakeReply.DropAfter(2); // two tokens, then waits for a release that never comes
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var turn = await Agent.BeginAsync(null, "count", Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamAsync(turn, cts.Token, text =>
        {
            if (text == "one two")
            {
                cts.Cancel();
            }
        }));

        Assert.Equal(["user: count", "assistant: one two"], await TurnsAsync(turn.Conversation.Id));
        var stopped = (await Store.AllMessagesAsync(turn.Conversation.Id, Ct))[^1];
        Assert.True(stopped.Stopped);
        Assert.Equal(("ollama", "llama3.2"), (stopped.Provider, stopped.Model));
        var logged = Assert.Single(await Harness.EventsAsync(EventType.ChatStopped));
        Assert.Equal(stopped.Id, logged.Data.GetProperty("message_id").GetInt64());
        Assert.Equal(7, logged.Data.GetProperty("chars").GetInt32());
        Assert.Empty(await Harness.EventsAsync(EventType.ChatFailed, atLeast: 0));
        Assert.Empty(await Harness.EventsAsync(EventType.ChatAnswered, atLeast: 0));
        var metrics = Harness.Registry.Find("ollama")!.Metrics.Snapshot();
        Assert.Equal((0, 0), (metrics.Successes, metrics.Failures));
        Ollama.ReleaseDrop.TrySetResult(); // ends the fake's request now, not when the client gives up draining it
    }

    [Fact]
    public async Task Stream_StoppedBeforeFirstToken_StoresAnEmptyStoppedAnswerAndThrows()
    {
        Ollama.Default = FakeReply.Stall();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var turn = await Agent.BeginAsync(null, "slow", Ct);

        var streaming = StreamAsync(turn, cts.Token);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.ChatRequests == 1), "the stalled request");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
        Assert.Equal(["user: slow", "assistant: "], await TurnsAsync(turn.Conversation.Id));
        Assert.Single(await Harness.EventsAsync(EventType.ChatStopped));
        Assert.Equal(0, OpenAi.ChatRequests);
    }

    [Fact]
    public async Task Stream_WhileStreaming_TheConversationIsBusyUntilTheAnswerIsStored()
    {
        var turn = await Agent.BeginAsync(null, "count", Ct);

        await foreach (var update in Agent.StreamAsync(turn, Ct))
        {
            if (update.Answer is null)
            {
                await Assert.ThrowsAsync<ConversationBusyException>(() => Agent.BeginAsync(turn.Conversation.Id, "too soon", Ct));
            }
            else
            {
                (await Agent.BeginAsync(turn.Conversation.Id, "now", Ct)).Dispose();
            }
        }

        Assert.Equal(["user: count", "assistant: hello from the fake", "user: now"], await TurnsAsync(turn.Conversation.Id));
    }

    [Fact]
    public async Task Stream_ConversationDeletedWhileAnswering_ThrowsDeletedAfterTheTokens()
    {
        Ollama.Default = FakeReply.Held("one two");
        var turn = await Agent.BeginAsync(null, "count", Ct);
        var received = "";

        var streaming = StreamAsync(turn, Ct, text => received = text);
        await Ollama.WhileHeldAsync(() => Agent.DeleteAsync(turn.Conversation.Id, Ct));

        var error = await Assert.ThrowsAsync<ConversationDeletedException>(() => streaming);
        Assert.Equal(turn.Conversation.Id, error.ConversationId);
        Assert.Equal("one two", received);
        Assert.DoesNotContain(Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stream_ConversationDeletedThenConsumerStopsReading_EndsQuietly()
    {
        Ollama.Default = FakeReply.DropAfter(2); // two tokens, then holds the request open
        var turn = await Agent.BeginAsync(null, "count", Ct);

        await foreach (var update in Agent.StreamAsync(turn, Ct))
        {
            if (update.Text == " two")
            {
                await Agent.DeleteAsync(turn.Conversation.Id, Ct);
                break; // the interrupted turn has nowhere to go, and nobody to tell
            }
        }

        Assert.Null(await Store.GetAsync(turn.Conversation.Id, Ct));
        Ollama.ReleaseDrop.TrySetResult();
    }

    [Fact]
    public async Task Stream_ConsumerStopsReadingMidAnswer_StoresAStoppedAnswerWithWhatArrived()
    {
        Ollama.Default = FakeReply.DropAfter(2); // two tokens, then holds the request open
        var turn = await Agent.BeginAsync(null, "count", Ct);

        var received = "";
        await foreach (var update in Agent.StreamAsync(turn, Ct))
        {
            received += update.Text;
            if (received == "one two")
            {
                break; // as the SSE endpoint does when its client goes away
            }
        }

        Assert.Equal(["user: count", "assistant: one two"], await TurnsAsync(turn.Conversation.Id));
        Ollama.ReleaseDrop.TrySetResult();
        (await Agent.BeginAsync(turn.Conversation.Id, "the conversation is free again", Ct)).Dispose();
    }
}
