using System.Text.Json;
using Timmy.Core.Events;

namespace Timmy.Web.Api;

/// <summary>Wire shapes of the events API (snake_case on the wire).</summary>
public static class EventDtos
{
    public sealed record EventPageDto(IReadOnlyList<EventRecord> Items, long? NextCursor, long? PrevCursor);

    public sealed record EventSummaryDto(int WindowMinutes, long Total, IReadOnlyList<EventTypeCount> Counts);

    public sealed record EventTypeDto(string EventType, string Category, string Label, string Icon);

    public sealed record LogEventRequest(string? EventType, string? Source, string? TaskId, string? AgentId, JsonElement? Data);
}
