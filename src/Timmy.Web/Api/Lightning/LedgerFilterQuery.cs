using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Api.Lightning;

/// <summary>The ledger's filters from the query string: <c>direction</c> (incoming, outgoing), <c>status</c> (pending,
/// settled, failed, expired), <c>task</c>, <c>agent</c>, and <c>from</c>/<c>to</c> (ISO 8601; <c>to</c> is exclusive).
/// <see cref="ToFilter"/> adds an error per bad field.</summary>
public sealed class LedgerFilterQuery
{
    public const int MaxIdLength = 200;

    [FromQuery(Name = "direction")]
    public string? Direction { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "task")]
    public string? Task { get; init; }

    [FromQuery(Name = "agent")]
    public string? Agent { get; init; }

    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    public LedgerFilter ToFilter(Dictionary<string, string[]> errors)
    {
        var direction = QueryField.Bounded("direction", Direction, 20, errors)?.ToLowerInvariant();
        if (direction is not null && !LedgerDirection.IsKnown(direction))
        {
            errors["direction"] = [$"'direction' must be one of {string.Join(", ", LedgerDirection.All)}."];
        }
        var status = QueryField.Bounded("status", Status, 20, errors)?.ToLowerInvariant();
        if (status is not null && !LedgerStatus.IsKnown(status))
        {
            errors["status"] = [$"'status' must be one of {string.Join(", ", LedgerStatus.All)}."];
        }
        var filter = new LedgerFilter
        {
            Direction = direction,
            Status = status,
            TaskId = QueryField.Bounded("task", Task, MaxIdLength, errors),
            AgentId = QueryField.Bounded("agent", Agent, MaxIdLength, errors),
            From = QueryField.Time("from", From, errors),
            To = QueryField.Time("to", To, errors),
        };
        if (filter.From > filter.To)
        {
            errors["to"] = ["'to' must not be before 'from'."];
        }
        return filter;
    }
}
