using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Components.Swarm;

/// <summary>Everything /swarm/tasks/{id} shows of one task: the task, its story from the event log, its bids, its tool
/// calls, its result rendered from Markdown, and the tasks it is linked to.</summary>
public sealed class TaskDetailViewModel
{
    public required SwarmTask Task { get; init; }
    public required IReadOnlyList<TaskTimelineEntry> Timeline { get; init; }
    public required IReadOnlyList<Bid> Bids { get; init; }
    public required IReadOnlyList<ToolCallView> ToolCalls { get; init; }

    /// <summary>The open auction, while the task is bidding (for its countdown).</summary>
    public required AuctionView? Auction { get; init; }

    public required SwarmTask? Parent { get; init; }
    public required SwarmTask? RepostedFrom { get; init; }
    public required IReadOnlyList<SwarmTask> SubTasks { get; init; }

    /// <summary>The result as safe HTML (<see cref="Chat.ChatMarkdown"/>), or null before there is one.</summary>
    public required string? ResultHtml { get; init; }

    public required TaskNotice? Notice { get; init; }

    public bool CanCancel => !Task.IsFinal;
    public bool CanRepost => Task.Status is SwarmTaskStatus.Failed or SwarmTaskStatus.Cancelled;

    /// <summary>Bids in the order they came in; replaced ones stay, struck through.</summary>
    public IReadOnlyList<Bid> BidsInOrder => [.. Bids.OrderBy(b => b.Id)];

    public TimeSpan? RunTime => Task.StartedAt is { } started && Task.CompletedAt is { } done ? done - started : null;
}
