namespace Timmy.Web.Api.Swarm;

/// <summary><c>GET /api/v1/swarm/summary</c>: tasks per status (every status listed, zeros included), the agents
/// online now, and the auctions open now.</summary>
public sealed record SwarmSummaryDto(
    IReadOnlyDictionary<string, long> Tasks, long TotalTasks, IReadOnlyList<string> AgentsOnline, IReadOnlyList<AuctionDto> OpenAuctions);
