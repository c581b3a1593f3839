using System.Globalization;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Core.Swarm;

namespace Timmy.Web.Components.Swarm;

/// <summary>The swarm's events in a sentence, for a task's timeline and the activity feed: "forge won with 42 sats
/// (4 live bids)" rather than the raw data. Null for an event that is not the swarm's.</summary>
public static class SwarmEventText
{
    /// <param name="onTaskPage">True on the task's own page, which shows the task already: its description and result are
    /// left out.</param>
    public static string? Describe(EventRecord e, bool onTaskPage = false)
    {
        var d = e.Data;
        return e.EventType switch
        {
            EventType.TaskCreated => Join(
                onTaskPage ? $"Posted by {Str(d, "posted_by") ?? "someone"}" : Str(d, "description"),
                d.TryGetProperty("max_bid_sats", out _) ? $"max bid {Sats(d, "max_bid_sats")}" : null,
                Str(d, "reposted_from") is { } from ? $"re-posting task {SwarmFormat.ShortId(from)}" : null,
                Str(d, "parent_task_id") is { } parent ? $"sub-task of {SwarmFormat.ShortId(parent)}" : null),
            EventType.TaskBidding => $"{Count(d, "eligible")} asked to bid",
            EventType.BidSubmitted => Join($"{e.AgentId} bid {Sats(d, "amount_sats")}", Str(d, "reason")),
            EventType.BidDeclined => $"{e.AgentId} declined: {Str(d, "reason")}",
            EventType.AuctionClosed => Str(d, "winner") is { } winner
                ? $"{winner} won with {Sats(d, "winning_bid_sats")} ({Number(d, "bids")} live bids)"
                : "Nobody bid",
            EventType.TaskAssigned => $"Assigned to {Str(d, "agent")} for {Sats(d, "bid_sats")}",
            EventType.TaskStarted => $"{Str(d, "agent")} started work",
            EventType.TaskCompleted => Join(
                $"Completed by {Str(d, "agent")}",
                Str(d, "provider") is { } provider ? $"answered by {provider}{(Str(d, "model") is { } model ? "/" + model : "")}" : null,
                Milliseconds(d, "latency_ms") is { } ms ? $"in {SwarmFormat.Duration(TimeSpan.FromMilliseconds(ms))}" : null,
                Number(d, "tool_calls") is { } calls and not "0" ? $"{calls} tool call{(calls == "1" ? "" : "s")}" : null,
                onTaskPage || Str(d, "result") is not { } result ? null : SwarmFormat.PlainText(result, SwarmEvents.PreviewLength)),
            EventType.TaskFailed => $"Failed: {Str(d, "error") ?? "no reason given"}",
            EventType.TaskCancelled => Join($"Cancelled{(e.Actor is { } by ? " by " + by : "")}",
                Str(d, "previous") is { } previous ? $"it was {previous}" : null),
            EventType.AgentJoined => $"{Str(d, "name") ?? e.AgentId} joined ({Str(d, "kind")})",
            EventType.AgentLeft => $"{Str(d, "name") ?? e.AgentId} left: {Str(d, "reason")}",
            EventType.AgentStatusChanged => $"{Str(d, "name") ?? e.AgentId}: {Str(d, "from")} → {Str(d, "to")}",
            EventType.ToolCalled => $"{e.AgentId} called {Str(d, "tool")}",
            EventType.ToolCompleted => Join($"{Str(d, "tool")} answered {e.AgentId}", Str(d, "result")),
            EventType.ToolFailed => $"{Str(d, "tool")} failed for {e.AgentId}: {Str(d, "error")}",
            _ => null,
        };
    }

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string? Str(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Number(JsonElement d, string key) =>
        Milliseconds(d, key)?.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static double? Milliseconds(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string Sats(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.TryGetInt64(out var sats) ? SwarmFormat.Sats(sats) : "—";

    private static string Count(JsonElement d, string key)
    {
        var n = d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : 0;
        return n == 1 ? "1 agent" : $"{n} agents";
    }
}
