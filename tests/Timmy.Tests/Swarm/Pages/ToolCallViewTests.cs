using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Web.Components.Swarm;

namespace Timmy.Tests.Swarm.Pages;

public sealed class ToolCallViewTests
{
    [Fact]
    public void From_CallsAndAnswers_PairsEachCallWithTheNextAnswerOfItsTool()
    {
        var calls = ToolCallView.From(
        [
            Event(1, EventType.ToolCalled, """{"tool":"read_event_log","arguments":{"limit":5}}"""),
            Event(2, EventType.ToolCalled, """{"tool":"post_subtask","arguments":{"description":"x"}}"""),
            Event(3, EventType.ToolFailed, """{"tool":"post_subtask","error":"too deep"}"""),
            Event(4, EventType.ToolCompleted, """{"tool":"read_event_log","result":"[]","ms":3.5}"""),
            Event(5, EventType.ToolCalled, """{"tool":"read_event_log","arguments":{}}"""),
            Event(6, EventType.TaskStarted, "{}"),
        ]);

        Assert.Equal(3, calls.Count);
        Assert.Equal(("read_event_log", ToolCallView.Completed, "[]", 3.5), (calls[0].Tool, calls[0].Outcome, calls[0].Detail, calls[0].Milliseconds));
        Assert.Equal("""{"limit":5}""", calls[0].Arguments);
        Assert.Equal(("post_subtask", ToolCallView.Failed, "too deep"), (calls[1].Tool, calls[1].Outcome, calls[1].Detail));
        Assert.Equal(ToolCallView.Running, calls[2].Outcome);
    }

    private static EventRecord Event(long id, string type, string json) =>
        new(id, type, "forge", "t1", "forge", JsonDocument.Parse(json).RootElement, DateTimeOffset.UnixEpoch.AddSeconds(id));
}
