using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Memory;

namespace Timmy.Web.Api.Memory;

/// <summary>The filters the memory's list, search and context take from the query string: <c>type</c> (repeatable or
/// comma-separated: conversation, fact, document), <c>agent</c> ("owner" for the owner's own), <c>session</c>,
/// <c>task</c>, and <c>since</c>/<c>until</c> (ISO 8601; a date alone is its midnight UTC). <see cref="ToFilter"/> turns
/// them into a <see cref="MemoryFilter"/>, adding an error per bad field.</summary>
public sealed class MemoryFilterQuery
{
    public const int MaxIdLength = 200;

    [FromQuery(Name = "type")]
    public string[]? Type { get; init; }

    [FromQuery(Name = "agent")]
    public string? Agent { get; init; }

    [FromQuery(Name = "session")]
    public string? Session { get; init; }

    [FromQuery(Name = "task")]
    public string? Task { get; init; }

    [FromQuery(Name = "since")]
    public string? Since { get; init; }

    [FromQuery(Name = "until")]
    public string? Until { get; init; }

    public MemoryFilter ToFilter(Dictionary<string, string[]> errors)
    {
        var types = (Type ?? []).SelectMany(t => (t ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(t => t.ToLowerInvariant()).Distinct().ToList();
        var unknown = types.Where(t => !MemoryContextTypes.IsKnown(t)).ToList();
        if (unknown.Count > 0)
        {
            errors["type"] = [$"Unknown type {string.Join(", ", unknown.Select(u => $"'{Clip(u)}'"))}; "
                + $"an entry is one of: {string.Join(", ", MemoryContextTypes.All)}."];
        }
        var filter = new MemoryFilter
        {
            ContextTypes = types.Count == 0 ? null : types,
            AgentId = Bounded("agent", Agent, errors),
            SessionId = Bounded("session", Session, errors),
            TaskId = Bounded("task", Task, errors),
            Since = Time("since", Since, errors),
            Until = Time("until", Until, errors),
        };
        if (filter.Since > filter.Until)
        {
            errors["until"] = ["'until' must not be before 'since'."];
        }
        return filter;
    }

    /// <summary>A value of at most <see cref="MaxIdLength"/> characters, or null when empty.</summary>
    public static string? Bounded(string key, string? value, Dictionary<string, string[]> errors) =>
        QueryField.Bounded(key, value, MaxIdLength, errors);

    private static DateTimeOffset? Time(string key, string? value, Dictionary<string, string[]> errors) => QueryField.Time(key, value, errors);

    private static string Clip(string value) => QueryField.Clip(value);
}
