using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Api.Swarm;

/// <summary>A swarm task as the API shows it. <see cref="Result"/> is Markdown; <see cref="RoutingScores"/> are the
/// advisory capability scores stored when its auction closed (empty before).</summary>
public sealed record TaskDto(
    string Id,
    string Description,
    string Status,
    string? AssignedAgent,
    string? Result,
    string? Error,
    long MaxBidSats,
    long? WinningBidSats,
    string PostedBy,
    string? ParentTaskId,
    string? RepostedFrom,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AuctionClosesAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<RoutingScore> RoutingScores)
{
    /// <summary>The payment hash of the invoice its poster pays to fund it (its auction waits until then).</summary>
    public string? FundingHash { get; init; }

    /// <summary>The funding invoice (BOLT11) itself, in the answer to the post that asked for it.</summary>
    public string? FundingInvoice { get; init; }

    public static TaskDto From(SwarmTask task) => new(
        task.Id, task.Description, task.Status, task.AssignedAgent, task.Result, task.Error, task.MaxBidSats, task.WinningBidSats,
        task.PostedBy, task.ParentTaskId, task.RepostedFrom, task.CreatedAt, task.AuctionClosesAt, task.StartedAt, task.CompletedAt,
        task.RoutingScores)
    {
        FundingHash = task.FundingHash,
    };
}
