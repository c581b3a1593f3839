using Timmy.Core.Swarm.Auctions;

namespace Timmy.Core.Swarm.Tasks;

/// <summary>A task posted to the swarm (row of <c>tasks</c>). <see cref="Result"/> is Markdown; <see cref="PostedBy"/>
/// is who posted it (<c>owner</c>, <c>token:&lt;name&gt;</c> or <c>agent:&lt;id&gt;</c> for a sub-task).</summary>
public sealed record SwarmTask(
    string Id,
    string Description,
    string Status,
    string? AssignedAgent,
    string? Result,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    long MaxBidSats,
    long? WinningBidSats,
    string? Error,
    DateTimeOffset? StartedAt,
    string? ParentTaskId,
    string? RepostedFrom,
    string PostedBy,
    DateTimeOffset? AuctionClosesAt,
    IReadOnlyList<RoutingScore> RoutingScores)
{
    public bool IsFinal => SwarmTaskStatus.IsFinal(Status);

    /// <summary>The payment hash of the invoice its poster pays to fund it, when the poster chose to.</summary>
    public string? FundingHash { get; init; }

    /// <summary>Posted with a funding invoice not yet paid: its auction opens once it is.</summary>
    public bool AwaitsFunding => Status == SwarmTaskStatus.Pending && FundingHash is not null;
}
