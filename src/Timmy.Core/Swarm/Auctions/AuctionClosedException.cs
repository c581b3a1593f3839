using Timmy.Core.Refusals;

namespace Timmy.Core.Swarm.Auctions;

/// <summary>A bid arrived for a task whose auction is no longer open (it closed, or the task was cancelled).</summary>
public sealed class AuctionClosedException(string taskId, string status) : ConflictException(
    "Auction closed", $"Task {taskId} is {status}; it takes bids only while it is bidding.")
{
    public string TaskId { get; } = taskId;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["task_id"] = TaskId, ["status"] = status };
}
