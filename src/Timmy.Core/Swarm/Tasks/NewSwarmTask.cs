namespace Timmy.Core.Swarm.Tasks;

/// <summary>A task as the coordinator stores it when it is posted: validated, and with its auction's closing time. A task
/// with a <see cref="FundingHash"/> is stored pending, its auction held until its poster's funding invoice is paid.</summary>
public sealed record NewSwarmTask(
    string Description,
    long MaxBidSats,
    string PostedBy,
    DateTimeOffset AuctionClosesAt,
    string? ParentTaskId = null,
    string? RepostedFrom = null,
    string? FundingHash = null);
