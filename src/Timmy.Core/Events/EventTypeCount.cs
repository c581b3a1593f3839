namespace Timmy.Core.Events;

public sealed record EventTypeCount(string EventType, long Count);
