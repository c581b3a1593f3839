using System.Text;
using Microsoft.Extensions.AI;
using Timmy.Core.Router;
using Timmy.Tests.Router.Fakes;

using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Router;

public sealed class StreamingFailoverTests : LoopbackRouterTests
{
    protected override RouterHarness Configure(RouterHarness harness)
    {
        Ollama.Default = FakeReply.Answer("one two three");
        OpenAi.Default = FakeReply.Answer("alpha beta");
        return harness.Set("Retries", "0");
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Harness.StartAsync();
    }

    private IAsyncEnumerable<ChatResponseUpdate> Stream(CancellationToken cancellationToken) =>
        Harness.Router.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], null, cancellationToken);

    [Fact]
    public async Task Stream_ProviderUp_StreamsTokensAnnotatedWithProvider()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Stream(TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal("one two three", string.Concat(updates.Select(u => u.Text)));
        Assert.True(updates.Count >= 3);
        Assert.All(updates, u => Assert.Equal("ollama", u.Routing()!.Provider));
        Assert.False(updates[0].Routing()!.FallbackUsed);
        Assert.NotNull(updates[0].Routing()!.TimeToFirstTokenMs);
        var metrics = Harness.Registry.Find("ollama")!.Metrics.Snapshot();
        Assert.Equal(1, metrics.Successes);
        Assert.NotNull(metrics.AvgTimeToFirstTokenMs);
    }

    [Fact]
    public async Task Stream_FirstProviderFailsBeforeFirstToken_FailsOverToNext()
    {
        Ollama.Default = FakeReply.Error(500);

        var text = new StringBuilder();
        var providers = new HashSet<string?>();
        await foreach (var update in Stream(TestContext.Current.CancellationToken))
        {
            text.Append(update.Text);
            providers.Add(update.Routing()?.Provider);
        }

        Assert.Equal("alpha beta", text.ToString());
        Assert.Equal(["openai"], providers);
        Assert.Equal(1, Ollama.ChatRequests);
    }

    [Fact]
    public async Task Stream_DroppedBeforeFirstToken_FailsOver()
    {
        Ollama.Default = FakeReply.DropAfter(0);

        var text = new StringBuilder();
        await foreach (var update in Stream(TestContext.Current.CancellationToken))
        {
            text.Append(update.Text);
        }

        Assert.Equal("alpha beta", text.ToString());
    }

    [Fact]
    public async Task Stream_DroppedAfterFirstToken_ThrowsWithoutFailover()
    {
        Ollama.Default = FakeReply.DropAfter(2);
        var received = new StringBuilder();

        var error = await Assert.ThrowsAsync<ProviderStreamInterruptedException>(async () =>
        {
            await foreach (var update in Stream(TestContext.Current.CancellationToken))
            {
                received.Append(update.Text);
                if (received.ToString() == "one two")
                {
                    Ollama.ReleaseDrop.TrySetResult();
                }
            }
        });

        Assert.Equal("ollama", error.Provider);
        Assert.Equal("one two", received.ToString());
        Assert.Equal(0, OpenAi.ChatRequests);
        Assert.Equal(1, Harness.Registry.Find("ollama")!.Metrics.Snapshot().Failures);
    }

    [Fact]
    public async Task Stream_OpenAiSseProvider_StreamsTokens()
    {
        await Harness.Control.SetEnabledAsync("ollama", false, TestContext.Current.CancellationToken);

        var text = new StringBuilder();
        await foreach (var update in Stream(TestContext.Current.CancellationToken))
        {
            text.Append(update.Text);
        }

        Assert.Equal("alpha beta", text.ToString());
        Assert.Equal(true, OpenAi.Requests[0]["stream"]?.GetValue<bool>());
    }

    [Fact]
    public async Task Stream_CallerCancelsWhileWaiting_StopsProviderCallWithoutFailover()
    {
        Ollama.Default = FakeReply.Stall();
        using var cts = new CancellationTokenSource();

        var consume = Task.Run(async () =>
        {
            await foreach (var _ in Stream(cts.Token))
            {
            }
        }, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.ChatRequests == 1), "the stalled request");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consume);
        await Eventually.TrueAsync(() => Task.FromResult(Ollama.AbortedRequests == 1), "the provider request to be aborted");
        Assert.Equal(0, OpenAi.ChatRequests);
    }

    [Fact]
    public async Task Stream_CallerCancelsAfterFirstTokens_IsNeitherSuccessNorFailure()
    {
        Ollama.Default = FakeReply.DropAfter(2);
        using var cts = new CancellationTokenSource();
        var received = new StringBuilder();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in Stream(cts.Token))
            {
                received.Append(update.Text);
                if (received.ToString() == "one two")
                {
                    await cts.CancelAsync();
                    Ollama.ReleaseDrop.TrySetResult();
                }
            }
        });

        var ollama = Harness.Registry.Find("ollama")!;
        var metrics = ollama.Metrics.Snapshot();
        Assert.Equal(0, metrics.Successes);
        Assert.Equal(0, metrics.Failures);
        Assert.Equal(Timmy.Core.Router.Circuit.CircuitState.Closed, ollama.Breaker.State);
        Assert.Equal(0, OpenAi.ChatRequests);
    }

    [Fact]
    public async Task Stream_CallerStopsWhileTheProviderIsSilent_EndsAtOnceCountingNeitherSuccessNorFailure()
    {
        Ollama.Default = FakeReply.DropAfter(2); // two tokens, then holds the request open and says nothing more
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var received = new StringBuilder();

        var reading = Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in Stream(stop.Token))
            {
                received.Append(update.Text);
                if (received.ToString() == "one two")
                {
                    // The stop comes while the router waits for the provider's next line, as a person's Stop does.
                    stop.CancelAfter(TimeSpan.FromMilliseconds(100));
                }
            }
        });
        // Without the stop reaching the wait, the provider's silence would hold the stream open indefinitely.
        await reading.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        var metrics = Harness.Registry.Find("ollama")!.Metrics.Snapshot();
        Assert.Equal((0, 0, 0), (metrics.Requests, metrics.Successes, metrics.Failures));
        Assert.Null(metrics.LastError);
        Assert.Equal(0, OpenAi.ChatRequests);
        Ollama.ReleaseDrop.TrySetResult(); // ends the fake's held request now, not at shut-down
    }
}
