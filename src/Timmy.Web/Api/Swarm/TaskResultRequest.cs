using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Swarm;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/result</c>: the winning agent, its result (Markdown) and, to be paid
/// over Lightning, a BOLT11 invoice for exactly the winning bid.</summary>
public sealed record TaskResultRequest(
    [property: Required(ErrorMessage = SwarmEndpoints.AgentIdRequired),
     StringLength(SwarmEndpoints.MaxIdLength, ErrorMessage = "'agent_id' must be at most {1} characters.")] string? AgentId,
    [property: Required(ErrorMessage = "'result' is required.")] string? Result,
    [property: StringLength(TaskResultRequest.MaxInvoiceLength, ErrorMessage = "'invoice' must be at most {1} characters.")] string? Invoice = null)
{
    public const int MaxInvoiceLength = 7_089;
}
