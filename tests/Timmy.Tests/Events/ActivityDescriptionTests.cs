using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Web.Components.Events;

namespace Timmy.Tests.Events;

public sealed class ActivityDescriptionTests
{
    [Fact]
    public void For_AMessageAndASubject_SaysBoth() =>
        Assert.Equal("ollama: connection refused", ActivityDescription.For(Event("""{"provider":"ollama","reason":"connection refused"}""")));

    [Fact]
    public void For_NoMessage_NamesTaskAgentAndTheFirstFields() =>
        Assert.Equal("task t-1 · agent echo · bid_sats: 42 · tags: a",
            ActivityDescription.For(Event("""{"bid_sats":42,"tags":["a"]}""", "t-1", "echo")));

    [Fact]
    public void For_Lists_ReadAsTheirItemsNotAsJson() =>
        Assert.Equal("from: ollama · passed_over: none · attempts: (provider ollama, skipped true), openai",
            ActivityDescription.For(Event("""{"from":"ollama","passed_over":[],"attempts":[{"provider":"ollama","skipped":true},"openai"]}""")));

    [Fact]
    public void For_NothingToSay_IsTheType() => Assert.Equal("system.info", ActivityDescription.For(Event("{}")));

    [Fact]
    public void For_ALongMessage_IsCutWithAnEllipsis()
    {
        var text = ActivityDescription.For(Event(JsonSerializer.Serialize(new { message = new string('x', 500) })));

        Assert.Equal(ActivityDescription.MaxLength, text.Length);
        Assert.EndsWith("…", text);
    }

    private static EventRecord Event(string json, string? task = null, string? agent = null) =>
        new(1, EventType.SystemInfo, "test", task, agent, JsonDocument.Parse(json).RootElement, DateTimeOffset.UnixEpoch);
}
