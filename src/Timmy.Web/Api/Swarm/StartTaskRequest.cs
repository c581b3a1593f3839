using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Swarm;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/start</c>: the winning agent, which starts work on the task.</summary>
public sealed record StartTaskRequest(
    [property: Required(ErrorMessage = SwarmEndpoints.AgentIdRequired),
     StringLength(SwarmEndpoints.MaxIdLength, ErrorMessage = "'agent_id' must be at most {1} characters.")] string? AgentId);
