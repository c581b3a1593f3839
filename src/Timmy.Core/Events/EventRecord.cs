using System.Text.Json;

namespace Timmy.Core.Events;

/// <summary>One stored event. <see cref="Id"/> is the log's commit sequence (strictly increasing);
/// <see cref="Data"/> is always a JSON object and is immutable, so a record can be shared across threads.</summary>
public sealed record EventRecord(
    long Id,
    string EventType,
    string Source,
    string? TaskId,
    string? AgentId,
    JsonElement Data,
    DateTimeOffset Timestamp);
