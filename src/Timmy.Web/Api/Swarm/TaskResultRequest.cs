using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Swarm;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/result</c>: the winning agent and its result (Markdown).</summary>
public sealed record TaskResultRequest(
    [property: Required(ErrorMessage = SwarmEndpoints.AgentIdRequired),
     StringLength(SwarmEndpoints.MaxIdLength, ErrorMessage = "'agent_id' must be at most {1} characters.")] string? AgentId,
    [property: Required(ErrorMessage = "'result' is required.")] string? Result);
