using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Timmy.Web.Api.Memory;

/// <summary>The body of <c>POST /api/v1/memory/prune</c>: delete entries older than this many days (0 to 36500), facts
/// too only when <see cref="IncludeFacts"/>. Days are a JSON number: a string such as "30" is refused.</summary>
public sealed record PruneRequest(
    [property: Required(ErrorMessage = "'older_than_days' is required."), JsonNumberHandling(JsonNumberHandling.Strict)] int? OlderThanDays,
    bool? IncludeFacts);
