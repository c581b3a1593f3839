using Timmy.Core.Swarm.Auctions;

namespace Timmy.Web.Api.Swarm;

/// <summary>An open auction: the task, when it closes at the latest, and the agents it still waits for (it closes
/// early once none is left).</summary>
public sealed record AuctionDto(string TaskId, string Description, DateTimeOffset ClosesAt, IReadOnlyList<string> WaitingFor)
{
    public static AuctionDto From(OpenAuction auction) => new(auction.TaskId, auction.Description, auction.ClosesAt, auction.WaitingFor);
}
