namespace Timmy.Web.Api.Swarm;

/// <summary><c>GET /api/v1/agents/{id}/work</c>: auctions the agent has not answered yet (bid or decline), and tasks it
/// won that wait for it to start or report.</summary>
public sealed record RemoteWorkDto(IReadOnlyList<WorkOfferDto> Auctions, IReadOnlyList<TaskDto> Assigned);
