using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Memory.Facts;

namespace Timmy.Tests.Memory.Facts;

public sealed class OwnerFactExtractorTests
{
    private const string Message = "Hi! My name is Alex and I prefer dark roast coffee.";

    private static readonly StatedFact[] RulesFacts =
    [
        new("The owner's name is Alex.", "name"),
        new("The owner prefers dark roast coffee.", null),
    ];

    private readonly FakeTimeProvider _time = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnerFactExtractor Extractor(IChatClient chat) =>
        new(chat, _time, NullLogger<OwnerFactExtractor>.Instance);

    [Fact]
    public async Task ExtractAsync_ValidJson_UsesTheModelsFacts()
    {
        var chat = new ScriptedChatClient
        {
            Answer = """{"facts":[{"text":"The owner's name is Alex.","key":"name"},{"text":"The owner prefers dark roast coffee.","key":null}]}""",
        };

        var result = await Extractor(chat).ExtractAsync(Message, Ct);

        Assert.True(result.ByModel);
        Assert.Equal(RulesFacts, result.Facts);
        var call = Assert.Single(chat.Calls);
        Assert.Equal(ChatRole.System, call[0].Role);
        Assert.Equal(Message, call[1].Text);
    }

    [Fact]
    public async Task ExtractAsync_FencedJsonInProse_IsRead()
    {
        var chat = new ScriptedChatClient
        {
            Answer = "Sure! Here are the facts:\n```json\n{\"facts\": [{\"text\": \"The user lives in Lisbon.\", \"key\": \"LOCATION\"},]}\n```\nHope that helps {:",
        };

        var result = await Extractor(chat).ExtractAsync("I live in Lisbon", Ct);

        Assert.True(result.ByModel);
        Assert.Equal([new StatedFact("The owner lives in Lisbon.", "location")], result.Facts);
    }

    [Fact]
    public async Task ExtractAsync_EmptyFacts_IsAnAnswerByTheModel()
    {
        var result = await Extractor(new ScriptedChatClient()).ExtractAsync("I'm going to the shop", Ct);

        Assert.True(result.ByModel);
        Assert.Empty(result.Facts);
    }

    [Theory]
    [InlineData("I don't know what you mean.")]
    [InlineData("{\"facts\": \"none\"}")]
    [InlineData("{\"text\": \"The owner's name is Bob.\"")]
    [InlineData("")]
    public async Task ExtractAsync_UnreadableAnswer_FallsBackToRules(string answer)
    {
        var result = await Extractor(new ScriptedChatClient { Answer = answer }).ExtractAsync(Message, Ct);

        Assert.False(result.ByModel);
        Assert.Equal(RulesFacts, result.Facts);
    }

    [Fact]
    public async Task ExtractAsync_ClientThrows_FallsBackToRules()
    {
        var chat = new ScriptedChatClient { Failure = new InvalidOperationException("No provider is available.") };

        var result = await Extractor(chat).ExtractAsync(Message, Ct);

        Assert.False(result.ByModel);
        Assert.Equal(RulesFacts, result.Facts);
    }

    [Fact]
    public async Task ExtractAsync_ClientTooSlow_FallsBackToRulesAtTheTimeout()
    {
        var chat = new ScriptedChatClient { Hang = true };
        var extractor = new OwnerFactExtractor(chat, _time, NullLogger<OwnerFactExtractor>.Instance, TimeSpan.FromSeconds(5));

        var pending = extractor.ExtractAsync(Message, Ct);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await pending;

        Assert.False(result.ByModel);
        Assert.Equal(RulesFacts, result.Facts);
    }

    [Fact]
    public async Task ExtractAsync_CallerCancels_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var pending = Extractor(new ScriptedChatClient { Hang = true }).ExtractAsync(Message, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task ExtractAsync_TooManyAndTooLongFacts_AreTrimmed()
    {
        var facts = Enumerable.Range(1, 8).Select(i => $$"""{"text":"The owner likes thing {{i}}.","key":"hobby"}""")
            .Prepend($$"""{"text":"{{new string('x', 301)}}","key":"name"}""")
            .Prepend("""{"text":"   ","key":"name"}""")
            .Append("""{"text":"The owner likes thing 1.","key":null}""");
        var chat = new ScriptedChatClient { Answer = "{\"facts\":[" + string.Join(',', facts) + "]}" };

        var result = await Extractor(chat).ExtractAsync(Message, Ct);

        Assert.True(result.ByModel);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => new StatedFact($"The owner likes thing {i}.", null)), result.Facts);
    }

    [Fact]
    public async Task ExtractAsync_TextOfExactly300Chars_IsKept()
    {
        var text = "The owner " + new string('a', 289) + ".";
        var chat = new ScriptedChatClient { Answer = $$"""{"facts":[{"text":"{{text}}"}]}""" };

        var result = await Extractor(chat).ExtractAsync(Message, Ct);

        Assert.Equal([new StatedFact(text, null)], result.Facts);
    }

    [Theory]
    [InlineData("Hi")]
    [InlineData("What's the weather like in Lisbon?")]
    [InlineData("Summarise this article please")]
    public async Task ExtractAsync_NoFirstPersonOrTooShort_SkipsTheModel(string message)
    {
        var chat = new ScriptedChatClient { Answer = """{"facts":[{"text":"The owner's name is Bob."}]}""" };

        var result = await Extractor(chat).ExtractAsync(message, Ct);

        Assert.False(result.ByModel);
        Assert.Empty(result.Facts);
        Assert.Empty(chat.Calls);
    }
}
