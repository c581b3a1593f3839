using System.Globalization;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Web.Components.Events;

namespace Timmy.Web.Components.Swarm;

/// <summary>One step of a task's story on its page, from the event log: what happened, in a sentence. Bids are in the
/// task's bids table and tool calls in its own list, so the timeline has the task's moves, the auction's close and the
/// agents that declined.</summary>
public sealed record TaskTimelineEntry(long EventId, string Type, DateTimeOffset At, string Icon, string Label, string Text)
{
    public static IReadOnlyList<TaskTimelineEntry> From(IEnumerable<EventRecord> events) =>
        [.. events.Where(Shown).Select(e => new TaskTimelineEntry(e.Id, e.EventType, e.Timestamp, EventPresentation.Icon(e.EventType),
            EventPresentation.Label(e.EventType), Describe(e)))];

    private static bool Shown(EventRecord e) =>
        e.EventType.StartsWith("task.", StringComparison.Ordinal) || e.EventType is EventType.AuctionClosed or EventType.BidDeclined;

    public static string Describe(EventRecord e)
    {
        var d = e.Data;
        return e.EventType switch
        {
            EventType.TaskCreated => Join(
                $"Posted by {Str(d, "posted_by") ?? "someone"} with a max bid of {Sats(d, "max_bid_sats")}",
                Str(d, "reposted_from") is { } from ? $"re-posting task {SwarmFormat.ShortId(from)}" : null,
                Str(d, "parent_task_id") is { } parent ? $"sub-task of {SwarmFormat.ShortId(parent)}" : null),
            EventType.TaskBidding => $"Auction opened: {Count(d, "eligible")} asked to bid",
            EventType.BidDeclined => $"{e.AgentId} declined: {Str(d, "reason")}",
            EventType.AuctionClosed => Str(d, "winner") is { } winner
                ? $"Auction closed: {winner} won with {Sats(d, "winning_bid_sats")} ({Number(d, "bids")} live bids)"
                : "Auction closed without a bid",
            EventType.TaskAssigned => $"Assigned to {Str(d, "agent")} for {Sats(d, "bid_sats")}",
            EventType.TaskStarted => $"{Str(d, "agent")} started work",
            EventType.TaskCompleted => Join(
                $"Completed by {Str(d, "agent")}",
                Str(d, "provider") is { } provider ? $"answered by {provider}{(Str(d, "model") is { } model ? "/" + model : "")}" : null,
                Number(d, "latency_ms") is { } ms ? $"{ms} ms" : null,
                Number(d, "tool_calls") is { } calls and not "0" ? $"{calls} tool call{(calls == "1" ? "" : "s")}" : null),
            EventType.TaskFailed => $"Failed: {Str(d, "error") ?? "no reason given"}",
            EventType.TaskCancelled => Join($"Cancelled{(e.Actor is { } by ? " by " + by : "")}",
                Str(d, "previous") is { } previous ? $"it was {previous}" : null),
            _ => ActivityDescription.For(e),
        };
    }

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => p is not null));

    private static string? Str(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Number(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble().ToString("#,0.#", CultureInfo.InvariantCulture)
            : null;

    private static string Sats(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.TryGetInt64(out var sats) ? SwarmFormat.Sats(sats) : "—";

    private static string Count(JsonElement d, string key)
    {
        var n = d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : 0;
        return n == 1 ? "1 agent" : $"{n} agents";
    }
}
