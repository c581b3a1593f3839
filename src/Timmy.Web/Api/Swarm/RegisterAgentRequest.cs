using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Swarm;

/// <summary>The body of <c>POST /api/v1/agents</c>: the remote agent's id (lowercase letters, digits, '-' and '_'), a
/// display name (default: the id) and what it can do (matched against task descriptions for the routing scores).</summary>
public sealed record RegisterAgentRequest(
    [property: Required(ErrorMessage = "'id' is required.")] string? Id,
    string? Name,
    IReadOnlyList<string>? Capabilities);
