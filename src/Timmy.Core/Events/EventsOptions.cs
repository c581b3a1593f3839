namespace Timmy.Core.Events;

/// <summary>Event log and activity feed settings, bound from <c>Timmy:Events</c>.</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Timmy:Events";

    /// <summary>Events older than this many days are pruned.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the pruning service runs.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Per WebSocket client: events buffered before new ones are dropped (spec: activity_feed_buffer).</summary>
    public int ActivityFeedBuffer { get; set; } = 100;

    /// <summary>Per WebSocket client: live events sent per second at most (spec: websocket_event_throttle).</summary>
    public int WebsocketEventThrottle { get; set; } = 10;

    /// <summary>WebSocket connections allowed from one remote address at once.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 20;

    /// <summary>How many missed events one resume (<c>?since=</c>) replays before reporting a gap instead.</summary>
    public int MaxReplay { get; set; } = 1000;

    /// <summary>Interval of WebSocket keep-alive pings; a client silent for two intervals is dropped.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}
