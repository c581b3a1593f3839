using System.Text.Json;

namespace Timmy.Core.Events;

/// <summary>One stored event. <see cref="Id"/> is the log's commit sequence (strictly increasing);
/// <see cref="Data"/> is always a JSON object and is immutable, so a record can be shared across threads.
/// <see cref="Actor"/> says who wrote it when that was not Timmy itself (an API token, the owner);
/// <see cref="PrevHash"/> and <see cref="Hash"/> are its links in the tamper-evident chain (<see cref="EventChain"/>).</summary>
public sealed record EventRecord(
    long Id,
    string EventType,
    string Source,
    string? TaskId,
    string? AgentId,
    JsonElement Data,
    DateTimeOffset Timestamp,
    string? Actor = null,
    string? PrevHash = null,
    string? Hash = null);
