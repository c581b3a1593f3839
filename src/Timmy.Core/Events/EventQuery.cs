namespace Timmy.Core.Events;

/// <summary>What to read from the log. Results are newest first; <see cref="BeforeId"/> and
/// <see cref="AfterId"/> are keyset cursors (older page / newer page).</summary>
public sealed record EventQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public IReadOnlyList<EventTypePattern> Types { get; init; } = [];
    public string? TaskId { get; init; }
    public string? AgentId { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public long? BeforeId { get; init; }
    public long? AfterId { get; init; }
    public int Limit { get; init; } = DefaultLimit;
}
