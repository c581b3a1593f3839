namespace Timmy.Core.Events;

/// <summary>An event as a service asks for it to be logged with a state change: a store appends it in the change's
/// own transaction (<see cref="IEventLog.AppendAsync"/>), which sanitises and stamps it like
/// <see cref="IEventLog.LogAsync"/>.</summary>
public sealed record EventDraft(string EventType, string Source, object? Data = null, string? TaskId = null, string? AgentId = null);
