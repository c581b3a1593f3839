using System.Text.Json;

namespace Timmy.Core.Events;

/// <summary>An event that has been sanitised and stamped but not yet stored.</summary>
public sealed record NewEvent(
    string EventType,
    string Source,
    string? TaskId,
    string? AgentId,
    JsonElement Data,
    DateTimeOffset Timestamp,
    string? Actor = null)
{
    /// <summary>The event as stored: its id and its links in the chain.</summary>
    public EventRecord Stored(long id, string prevHash, string hash) =>
        new(id, EventType, Source, TaskId, AgentId, Data, Timestamp, Actor, prevHash, hash);
}
