using Timmy.Core.Events;
using Timmy.Web.Components.Events;

namespace Timmy.Web.Components.Swarm;

/// <summary>One step of a task's story on its page, from the event log: what happened, in a sentence
/// (<see cref="SwarmEventText"/>). Bids are in the task's bids table and tool calls in their own list, so the timeline
/// has the task's moves, the auction's close and the agents that declined.</summary>
public sealed record TaskTimelineEntry(long EventId, string Type, DateTimeOffset At, string Icon, string Label, string Text)
{
    public static IReadOnlyList<TaskTimelineEntry> From(IEnumerable<EventRecord> events) =>
        [.. events.Where(Shown).Select(e => new TaskTimelineEntry(e.Id, e.EventType, e.Timestamp, EventPresentation.Icon(e.EventType),
            EventPresentation.Label(e.EventType), SwarmEventText.Describe(e, onTaskPage: true) ?? ActivityDescription.For(e)))];

    private static bool Shown(EventRecord e) =>
        e.EventType.StartsWith("task.", StringComparison.Ordinal) || e.EventType is EventType.AuctionClosed or EventType.BidDeclined;
}
