using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using Timmy.Core.Events;

namespace Timmy.Web.Api.Events;

/// <summary>The body of <c>POST /api/v1/events</c>, and each item of <c>POST /api/v1/events/batch</c>.</summary>
public sealed record LogEventRequest(
    [property: Required(ErrorMessage = "'event_type' is required: one of the types at GET /api/v1/events/types.")] string? EventType,
    [property: Required(ErrorMessage = "'source' is required."),
     StringLength(EventSanitizer.MaxSourceLength, ErrorMessage = "'source' must be at most {1} characters.")] string? Source,
    [property: StringLength(EventSanitizer.MaxFieldLength, ErrorMessage = "'task_id' must be at most {1} characters.")] string? TaskId,
    [property: StringLength(EventSanitizer.MaxFieldLength, ErrorMessage = "'agent_id' must be at most {1} characters.")] string? AgentId,
    JsonElement? Data) : IValidatableObject
{
    public const int MaxDataBytes = 64 * 1024;

    /// <summary>The one conversion from what the API was sent to the event logged: the single and the batch POST
    /// both use it, so a rule about what the API may log is written here once. <paramref name="actor"/> is who sent it
    /// (from the authenticated caller, never the body); <paramref name="item"/> names the batch item, if any.</summary>
    /// <exception cref="ReservedEventCategoryException">The type is one only Timmy itself logs.</exception>
    public EventDraft ToDraft(string actor, string? item = null)
    {
        if (Core.Events.EventType.ReservedCategoryOf(EventType!) is { } reserved)
        {
            throw new ReservedEventCategoryException(EventType!, reserved, item);
        }
        return new EventDraft(EventType!, Source!, Data, TaskId, AgentId) { Actor = actor };
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Core.Events.EventType.IsKnown(EventType))
        {
            yield return new ValidationResult($"'event_type' must be one of: {string.Join(", ", Core.Events.EventType.All)}.", [nameof(EventType)]);
        }
        if (Data is { } data && data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            yield return new ValidationResult("'data' must be a JSON object.", [nameof(Data)]);
        }
        else if (Data is { ValueKind: JsonValueKind.Object } obj && Encoding.UTF8.GetByteCount(obj.GetRawText()) > MaxDataBytes)
        {
            yield return new ValidationResult($"'data' must be at most {MaxDataBytes / 1024} KiB.", [nameof(Data)]);
        }
    }
}
