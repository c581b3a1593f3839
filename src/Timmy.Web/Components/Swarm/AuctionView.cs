using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Components.Swarm;

/// <summary>An auction still open: its task, when it closes (<see cref="SecondsLeft"/> from the server's clock, which the
/// page's script counts down), the agents it still waits for and the bids so far.</summary>
public sealed record AuctionView(SwarmTask Task, DateTimeOffset ClosesAt, double SecondsLeft, IReadOnlyList<string> WaitingFor, IReadOnlyList<Bid> Bids)
{
    /// <summary>Bids that still count (a newer bid of the same agent replaced the others), lowest first.</summary>
    public IReadOnlyList<Bid> LiveBids => [.. Bids.Where(b => !b.Replaced).OrderBy(b => b.AmountSats).ThenBy(b => b.Id)];
}
