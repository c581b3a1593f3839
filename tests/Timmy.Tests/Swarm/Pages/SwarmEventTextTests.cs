using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Web.Components.Events;
using Timmy.Web.Components.Swarm;

namespace Timmy.Tests.Swarm.Pages;

public sealed class SwarmEventTextTests
{
    [Theory]
    [InlineData(EventType.AuctionClosed, """{"winner":"forge","winning_bid_sats":1200,"bids":4}""", "forge won with 1,200 sats (4 live bids)")]
    [InlineData(EventType.AuctionClosed, """{"winner":null,"bids":0}""", "Nobody bid")]
    [InlineData(EventType.TaskCompleted, """{"agent":"echo","provider":"ollama","model":"llama3.2","latency_ms":1234.5,"tool_calls":2,"result":"**Done**"}""",
        "Completed by echo · answered by ollama/llama3.2 · in 1.2 s · 2 tool calls · Done")]
    [InlineData(EventType.AgentStatusChanged, """{"name":"Echo","from":"idle","to":"busy"}""", "Echo: idle → busy")]
    [InlineData(EventType.BidSubmitted, """{"amount_sats":55,"reason":"in speciality"}""", "forge bid 55 sats · in speciality")]
    [InlineData(EventType.TaskCreated, """{"description":"Fix it","max_bid_sats":1000,"posted_by":"owner"}""", "Fix it · max bid 1,000 sats")]
    public void Describe_SwarmEvent_IsASentence(string type, string json, string expected)
    {
        var e = new EventRecord(1, type, "coordinator", "t1", "forge", JsonDocument.Parse(json).RootElement, DateTimeOffset.UnixEpoch);

        Assert.Equal(expected, SwarmEventText.Describe(e));
        Assert.Equal(expected, ActivityDescription.For(e));
    }

    [Fact]
    public void Describe_OnTheTasksPage_LeavesOutWhatThePageShows()
    {
        var e = new EventRecord(1, EventType.TaskCompleted, "coordinator", "t1", "echo",
            JsonDocument.Parse("""{"agent":"echo","result":"the answer"}""").RootElement, DateTimeOffset.UnixEpoch);

        Assert.Equal("Completed by echo", SwarmEventText.Describe(e, onTaskPage: true));
    }

    [Fact]
    public void Describe_NotTheSwarms_IsNull() =>
        Assert.Null(SwarmEventText.Describe(new EventRecord(1, EventType.SystemInfo, "x", null, null, JsonDocument.Parse("{}").RootElement, DateTimeOffset.UnixEpoch)));
}
