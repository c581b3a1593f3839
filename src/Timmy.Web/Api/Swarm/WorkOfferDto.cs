using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Api.Swarm;

/// <summary>An open auction offered to a remote agent: what to do, the most it may bid, and when bidding closes at the
/// latest.</summary>
public sealed record WorkOfferDto(string TaskId, string Description, long MaxBidSats, DateTimeOffset? ClosesAt)
{
    public static WorkOfferDto From(SwarmTask task) => new(task.Id, task.Description, task.MaxBidSats, task.AuctionClosesAt);
}
