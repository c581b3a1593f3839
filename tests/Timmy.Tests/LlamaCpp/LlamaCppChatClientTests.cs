using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Timmy.Core.Router.Providers.LlamaCpp;

namespace Timmy.Tests.LlamaCpp;

/// <summary>The in-process tier for real: llama.cpp as LLamaSharp ships it, running a tiny random-weight
/// model that the test writes. Text is gibberish; what is checked is that tokens come out, stream,
/// stop on cancellation, and are counted.</summary>
public sealed class LlamaCppChatClientTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>
{
    private static readonly ChatMessage[] Question = [new(ChatRole.System, "You are Timmy."), new(ChatRole.User, "hello the world")];

    [Fact]
    public async Task GetStreamingResponseAsync_TinyModel_StreamsTextPieceByPiece()
    {
        using var client = Client(model.ModelFile);
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in client.GetStreamingResponseAsync(Question, new ChatOptions { MaxOutputTokens = 12 }, TestContext.Current.CancellationToken))
            updates.Add(update);

        var texts = updates.Where(u => u.Text.Length > 0).ToList();
        Assert.True(texts.Count >= 2, $"expected at least 2 streamed text updates, got {texts.Count}");
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(12, usage.OutputTokenCount);
        Assert.True(usage.InputTokenCount > 0);
        Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
        Assert.Equal(ChatFinishReason.Length, updates[^1].FinishReason);
        Assert.All(updates, u => Assert.Equal("tiny-llama.gguf", u.ModelId));
    }

    [Fact]
    public async Task GetResponseAsync_TinyModel_AggregatesTextAndUsage()
    {
        using var client = Client(model.ModelFile);

        var response = await client.GetResponseAsync(Question, new ChatOptions { MaxOutputTokens = 6, Temperature = 0 }, TestContext.Current.CancellationToken);

        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.Equal(6, response.Usage?.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
    }

    [Fact]
    public async Task GetResponseAsync_Greedy_IsRepeatable()
    {
        using var client = Client(model.ModelFile);
        var options = new ChatOptions { MaxOutputTokens = 10, Temperature = 0 };

        var first = await client.GetResponseAsync(Question, options, TestContext.Current.CancellationToken);
        var second = await client.GetResponseAsync(Question, options, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"tiny model said: {first.Text}");
        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Cancelled_StopsGeneratingWithinAFewTokens()
    {
        var logger = new ListLogger<LlamaCppChatClient>();
        using var client = new LlamaCppChatClient(Settings(model.ModelFile, contextSize: 4096), logger);
        using var cancel = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Question, new ChatOptions { MaxOutputTokens = 4000 }, cancel.Token))
            {
                if (update.Text.Length > 0 && ++received == 3)
                    await cancel.CancelAsync();
            }
        });

        // The enumerator only returns after the worker has stopped, so the log line is already there.
        var line = Assert.Single(logger.Lines, l => l.StartsWith("llama.cpp generation cancelled after", StringComparison.Ordinal));
        var tokens = int.Parse(line.Split(' ')[4], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(tokens, 3, 3 + 16 + 2); // read so far + what fits in the stream's buffer + the one in flight
        Assert.Equal(3, received);

        // And the context is free again for the next caller.
        var next = await client.GetResponseAsync(Question, new ChatOptions { MaxOutputTokens = 2 }, TestContext.Current.CancellationToken);
        Assert.Equal(2, next.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task ProbeAsync_TinyModel_IsAvailableAndNamesTheFile()
    {
        using var client = Client(model.ModelFile);

        var probe = await client.ProbeAsync(TestContext.Current.CancellationToken);

        Assert.True(probe.Available, probe.Detail);
        Assert.Contains("tiny-llama.gguf", probe.Detail);
    }

    [Fact]
    public async Task ProbeAsync_MissingModelFile_IsUnavailableAndNamesThePath()
    {
        var missing = Path.Combine(model.Folder, "nope.gguf");
        using var client = Client(missing);

        var probe = await client.ProbeAsync(TestContext.Current.CancellationToken);

        Assert.False(probe.Available);
        Assert.Equal($"unavailable: no model file at {missing}", probe.Detail);
        var error = await Assert.ThrowsAsync<LlamaCppUnavailableException>(() =>
            client.GetResponseAsync(Question, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task ProbeAsync_NotAModel_IsUnavailableBecauseItFailedToLoad()
    {
        var junk = Path.Combine(model.Folder, "junk.gguf");
        await File.WriteAllTextAsync(junk, "this is not a gguf file", TestContext.Current.CancellationToken);
        using var client = Client(junk);

        var probe = await client.ProbeAsync(TestContext.Current.CancellationToken);

        Assert.False(probe.Available);
        Assert.StartsWith($"unavailable: llama.cpp could not load the model {junk}", probe.Detail);
    }

    [Fact]
    public async Task ProbeAsync_ModelFoundInOllamaStore_LoadsTheBlobAndAnswers()
    {
        var store = Path.Combine(model.Folder, "ollama-store");
        var digest = "sha256:" + new string('b', 64);
        FakeStore.Add(store, "tiny", "latest", digest, await File.ReadAllBytesAsync(model.ModelFile, TestContext.Current.CancellationToken));
        var settings = Settings(modelFile: null);
        settings.OllamaModelName = "tiny";
        settings.OllamaModelsDirectory = store;
        using var client = new LlamaCppChatClient(settings, NullLogger<LlamaCppChatClient>.Instance);

        var probe = await client.ProbeAsync(TestContext.Current.CancellationToken);
        var response = await client.GetResponseAsync(Question, new ChatOptions { MaxOutputTokens = 3 }, TestContext.Current.CancellationToken);

        Assert.True(probe.Available, probe.Detail);
        Assert.Contains("sha256-" + new string('b', 64), probe.Detail);
        Assert.Equal(["tiny"], probe.Models);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
        Assert.Equal("tiny", response.ModelId);
    }

    [Fact]
    public async Task ProbeAsync_OllamaModelNotInStore_NamesTheManifest()
    {
        var settings = Settings(modelFile: null);
        settings.OllamaModelName = "llama3.2";
        settings.OllamaModelsDirectory = Path.Combine(model.Folder, "empty-store");
        using var client = new LlamaCppChatClient(settings, NullLogger<LlamaCppChatClient>.Instance);

        var probe = await client.ProbeAsync(TestContext.Current.CancellationToken);

        Assert.False(probe.Available);
        Assert.Contains(Path.Combine(settings.OllamaModelsDirectory, "manifests", "registry.ollama.ai", "library", "llama3.2", "latest"), probe.Detail);
    }

    private static LlamaCppChatClient Client(string modelFile) =>
        new(Settings(modelFile), NullLogger<LlamaCppChatClient>.Instance);

    private static LlamaCppSettings Settings(string? modelFile, int contextSize = 512) => new()
    {
        ModelPath = modelFile,
        ContextSize = contextSize,
        Threads = 1,
    };
}
