using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Timmy.Web.Api.Swarm;

/// <summary>The body of <c>POST /api/v1/tasks</c>: what to do, the most the poster will pay (default: the configured
/// max bid), optionally the task this is a sub-task of, and whether the poster funds it first (<see cref="Fund"/>: the
/// answer carries an invoice for the max bid, and the auction opens once it is paid). The swarm checks the description's length and the max bid's
/// range against its settings. Sats are JSON numbers: a string such as "12" is refused.</summary>
public sealed record PostTaskRequest(
    [property: Required(ErrorMessage = "Describe the task: 'description' is required.")] string? Description,
    [property: JsonNumberHandling(JsonNumberHandling.Strict)] long? MaxBidSats,
    [property: StringLength(SwarmEndpoints.MaxIdLength, ErrorMessage = "'parent_task_id' must be at most {1} characters.")] string? ParentTaskId,
    bool? Fund = null);
