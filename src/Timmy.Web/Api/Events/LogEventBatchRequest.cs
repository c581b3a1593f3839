using System.ComponentModel.DataAnnotations;
using Timmy.Core.Events;

namespace Timmy.Web.Api.Events;

/// <summary>The body of <c>POST /api/v1/events/batch</c>: 1 to <see cref="EventBatchLog.MaxEvents"/> events, each
/// as <c>POST /api/v1/events</c> takes one and checked the same way (a problem names the item: <c>events[3].source</c>).</summary>
public sealed record LogEventBatchRequest(
    [property: Required(ErrorMessage = "'events' is required: a list of 1 to 1000 events.")] IReadOnlyList<LogEventRequest?>? Events)
    : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Events is null)
        {
            yield break;
        }
        if (Events.Count is 0 or > EventBatchLog.MaxEvents)
        {
            yield return new ValidationResult(EventBatchLog.TooManyOrNone(Events.Count), [nameof(Events)]);
            yield break;
        }
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i] is null)
            {
                yield return new ValidationResult($"'events[{i}]' must be an event object.", [$"{nameof(Events)}[{i}]"]);
            }
        }
    }
}
