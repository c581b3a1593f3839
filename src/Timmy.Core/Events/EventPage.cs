namespace Timmy.Core.Events;

/// <summary>One page of events, newest first, with the cursors for the neighbouring pages
/// (null where there is none).</summary>
public sealed record EventPage(IReadOnlyList<EventRecord> Items, long? OlderCursor, long? NewerCursor);
