using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Swarm;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/decline</c>: which of the token's agents passes on the task, and why.</summary>
public sealed record DeclineRequest(
    [property: Required(ErrorMessage = SwarmEndpoints.AgentIdRequired),
     StringLength(SwarmEndpoints.MaxIdLength, ErrorMessage = "'agent_id' must be at most {1} characters.")] string? AgentId,
    [property: StringLength(SwarmEndpoints.MaxReasonLength, ErrorMessage = "'reason' must be at most {1} characters.")] string? Reason);
