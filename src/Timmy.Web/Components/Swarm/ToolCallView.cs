using System.Text.Json;
using Timmy.Core.Events;

namespace Timmy.Web.Components.Swarm;

/// <summary>One tool call of a task's run, from its <c>tool.called</c> event and the <c>tool.completed</c> or
/// <c>tool.failed</c> that answered it (none yet: still running).</summary>
public sealed record ToolCallView(string Tool, string AgentId, DateTimeOffset CalledAt, string Arguments, string Outcome, string? Detail, double? Milliseconds)
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    /// <summary>Pairs each call with the next answer for the same tool, in log order.</summary>
    public static IReadOnlyList<ToolCallView> From(IEnumerable<EventRecord> events)
    {
        var calls = new List<ToolCallView>();
        foreach (var e in events)
        {
            var tool = Text(e.Data, "tool") ?? "?";
            if (e.EventType == EventType.ToolCalled)
            {
                var arguments = e.Data.TryGetProperty("arguments", out var a) ? a.GetRawText() : "{}";
                calls.Add(new ToolCallView(tool, e.AgentId ?? e.Source, e.Timestamp, arguments, Running, null, null));
                continue;
            }
            if (e.EventType is not (EventType.ToolCompleted or EventType.ToolFailed))
            {
                continue;
            }
            var index = calls.FindIndex(c => c.Tool == tool && c.Outcome == Running);
            var failed = e.EventType == EventType.ToolFailed;
            var answer = (Outcome: failed ? Failed : Completed, Detail: Text(e.Data, failed ? "error" : "result"),
                Ms: e.Data.TryGetProperty("ms", out var ms) && ms.ValueKind == JsonValueKind.Number ? ms.GetDouble() : (double?)null);
            if (index >= 0)
            {
                calls[index] = calls[index] with { Outcome = answer.Outcome, Detail = answer.Detail, Milliseconds = answer.Ms };
            }
            else
            {
                calls.Add(new ToolCallView(tool, e.AgentId ?? e.Source, e.Timestamp, "{}", answer.Outcome, answer.Detail, answer.Ms));
            }
        }
        return calls;
    }

    private static string? Text(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;
}
