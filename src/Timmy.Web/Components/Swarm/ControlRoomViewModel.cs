using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Components.Swarm;

/// <summary>What the control room (/swarm/live) shows of the swarm at one moment: the agents, the open auctions with
/// their bids, and the newest tasks. The page and its live fragment are drawn from the same model.</summary>
public sealed class ControlRoomViewModel
{
    public const int RecentTaskCount = 10;

    public required IReadOnlyList<AgentView> Agents { get; init; }
    public required IReadOnlyList<AuctionView> Auctions { get; init; }
    public required IReadOnlyList<SwarmTask> RecentTasks { get; init; }

    /// <summary>Online agents first (Timmy and the personas, then remote agents), then the offline ones.</summary>
    public IReadOnlyList<AgentView> AgentsInOrder => [.. Agents.OrderBy(a => a.IsOnline ? 0 : 1)];

    public int OnlineCount => Agents.Count(a => a.IsOnline);
}
