namespace Timmy.Core.Events;

/// <summary>What a subscription yields: an event, or a notice that some were dropped.</summary>
public readonly record struct FeedItem(EventRecord? Event, EventGap? Gap);
