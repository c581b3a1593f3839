using System.Globalization;
using Microsoft.Extensions.Primitives;
using Timmy.Core.Events;

namespace Timmy.Web.Api.Events;

/// <summary>Turns query-string filters (shared by the API, the export and the /swarm/events page) into an
/// <see cref="EventQuery"/>, or into field errors. Accepted keys: type (repeatable or comma-separated),
/// task_id, agent_id, source, from, to (ISO-8601), before, after (cursors), limit.</summary>
public static class EventQueryParser
{
    public static (EventQuery Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        var typeTexts = Values(query["type"]);
        if (!EventTypePattern.TryParseAll(typeTexts, out var types, out var typeError))
        {
            errors["type"] = [typeError];
        }
        var result = new EventQuery
        {
            Types = types,
            TaskId = Text(query, "task_id", errors),
            AgentId = Text(query, "agent_id", errors),
            Source = Text(query, "source", errors),
            From = Time(query, "from", errors),
            To = Time(query, "to", errors),
            BeforeId = Cursor(query, "before", errors),
            AfterId = Cursor(query, "after", errors),
            Limit = Limit(query, errors),
        };
        if (result.From is { } from && result.To is { } to && from >= to)
        {
            errors["to"] = ["'to' must be later than 'from'."];
        }
        if (result.BeforeId is not null && result.AfterId is not null)
        {
            errors["after"] = ["Use either 'before' or 'after', not both."];
        }
        return (result, errors);
    }

    public static IReadOnlyList<string> Values(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static string? Text(IQueryCollection query, string key, Dictionary<string, string[]> errors)
    {
        var value = query[key].ToString().Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (value.Length > EventSanitizer.MaxFieldLength)
        {
            errors[key] = [$"'{key}' must be at most {EventSanitizer.MaxFieldLength} characters."];
            return null;
        }
        return value;
    }

    private static DateTimeOffset? Time(IQueryCollection query, string key, Dictionary<string, string[]> errors)
    {
        var value = query[key].ToString().Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }
        errors[key] = [$"'{key}' must be an ISO-8601 date and time, such as 2026-11-25T08:00:00Z."];
        return null;
    }

    private static long? Cursor(IQueryCollection query, string key, Dictionary<string, string[]> errors)
    {
        var value = query[key].ToString().Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 0)
        {
            return id;
        }
        errors[key] = [$"'{key}' must be an event id (a whole number)."];
        return null;
    }

    private static int Limit(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var value = query["limit"].ToString().Trim();
        if (value.Length == 0)
        {
            return EventQuery.DefaultLimit;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= EventQuery.MaxLimit)
        {
            return limit;
        }
        errors["limit"] = [$"'limit' must be a whole number from 1 to {EventQuery.MaxLimit}."];
        return EventQuery.DefaultLimit;
    }
}
