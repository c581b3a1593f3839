using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Swarm;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/fail</c>: the winning agent and what went wrong.</summary>
public sealed record TaskFailureRequest(
    [property: Required(ErrorMessage = SwarmEndpoints.AgentIdRequired),
     StringLength(SwarmEndpoints.MaxIdLength, ErrorMessage = "'agent_id' must be at most {1} characters.")] string? AgentId,
    [property: Required(ErrorMessage = "'error' is required: say what went wrong.")] string? Error);
