namespace Timmy.Core.Events;

/// <summary>An event as a service asks for it to be logged with a state change: a store appends it in the change's
/// own transaction (<see cref="IEventLog.AppendAsync"/>), which sanitises and stamps it like
/// <see cref="IEventLog.LogAsync"/>. <see cref="Actor"/> is who asked, when that is not Timmy itself (an API token,
/// the owner); only the server sets it.</summary>
public sealed record EventDraft(string EventType, string Source, object? Data = null, string? TaskId = null, string? AgentId = null)
{
    public string? Actor { get; init; }
}
