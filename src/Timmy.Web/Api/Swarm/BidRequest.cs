using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Timmy.Web.Api.Swarm;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/bids</c>: which of the token's agents bids, a positive whole number of
/// sats (a JSON number, not a string) at most the task's max bid, and optionally why (logged with the bid). A new bid
/// replaces the agent's earlier one.</summary>
public sealed record BidRequest(
    [property: Required(ErrorMessage = SwarmEndpoints.AgentIdRequired),
     StringLength(SwarmEndpoints.MaxIdLength, ErrorMessage = "'agent_id' must be at most {1} characters.")] string? AgentId,
    [property: Required(ErrorMessage = "'amount_sats' is required: a positive whole number of sats."),
     JsonNumberHandling(JsonNumberHandling.Strict)] long? AmountSats,
    [property: StringLength(SwarmEndpoints.MaxReasonLength, ErrorMessage = "'reason' must be at most {1} characters.")] string? Reason);
