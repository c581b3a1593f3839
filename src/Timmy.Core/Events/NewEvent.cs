using System.Text.Json;

namespace Timmy.Core.Events;

/// <summary>An event that has been sanitised and stamped but not yet stored.</summary>
public sealed record NewEvent(
    string EventType,
    string Source,
    string? TaskId,
    string? AgentId,
    JsonElement Data,
    DateTimeOffset Timestamp)
{
    public EventRecord WithId(long id) => new(id, EventType, Source, TaskId, AgentId, Data, Timestamp);
}
