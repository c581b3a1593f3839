namespace Timmy.Core.Swarm.Tasks;

/// <summary>Which tasks to list, newest first; <see cref="BeforeId"/> is the keyset cursor of the next (older) page.</summary>
public sealed record TaskQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public IReadOnlyList<string> Statuses { get; init; } = [];
    public string? AgentId { get; init; }
    public string? ParentTaskId { get; init; }

    /// <summary>Case-insensitive text the description must contain.</summary>
    public string? Text { get; init; }

    public string? BeforeId { get; init; }
    public int Limit { get; init; } = DefaultLimit;
}
