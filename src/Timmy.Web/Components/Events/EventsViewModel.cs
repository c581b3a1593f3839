using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Timmy.Core.Events;

namespace Timmy.Web.Components.Events;

/// <summary>Everything the /swarm/events page shows, computed from the query string and one page of results.</summary>
public sealed class EventsViewModel
{
    private static readonly string[] FilterKeys = ["type", "task_id", "agent_id", "source", "from", "to"];

    public required EventFilters Filters { get; init; }
    public required EventPage Page { get; init; }
    public required IReadOnlyList<EventTypeCount> Summary { get; init; }
    public required ImmutableArray<string> Errors { get; init; }
    public required ImmutableDictionary<string, string> QueryValues { get; init; }
    public required bool IsFirstPage { get; init; }

    public bool HasFilters => QueryValues.Keys.Any(FilterKeys.Contains);

    /// <summary>New events are inserted live only on the first page of an open-ended view.</summary>
    public bool IsLive => IsFirstPage && Errors.Length == 0 && string.IsNullOrEmpty(Filters.To);

    /// <summary>Bad filters: nothing was queried, so no rows are shown (never the unfiltered log).</summary>
    public bool FiltersRejected => Errors.Length > 0;

    /// <summary>How many rows the table holds; live rows bring a new one from <see cref="DescribeCount"/>.</summary>
    public string CountText => FiltersRejected
        ? "Filters not applied, so no events are shown."
        : DescribeCount(Page.Items.Count, Page.Items.Count == 0 ? 0 : Page.Items[^1].Id, Page.Items.Count == 0 ? 0 : Page.Items[0].Id);

    /// <summary>What else the reader should know about the rows: more on older pages, new ones arriving live.</summary>
    /// <summary>The page's filters as a query string, for the live rows its script reads (<c>type=task.*&amp;source=x</c>).</summary>
    public string LiveFilterQuery => QueryHelpers.AddQueryString("", new Dictionary<string, string?>
    {
        ["type"] = Filters.Type, ["task_id"] = Filters.TaskId, ["agent_id"] = Filters.AgentId, ["source"] = Filters.Source, ["from"] = Filters.From,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).TrimStart('?');

    public string CountNotes => (Page.OlderCursor is null ? "" : " · older events on the next page") + (IsLive ? " · new events appear live" : "");

    public static string DescribeCount(int count, long lowestId, long highestId) => count switch
    {
        0 => "No events to show.",
        1 => $"1 event (#{highestId})",
        _ => $"{count} events (ids {lowestId}–{highestId})",
    };

    public string? OlderUrl => Page.OlderCursor is { } older ? Url(("before", older.ToString(CultureInfo.InvariantCulture)), ("after", null)) : null;

    public string? NewerUrl => !IsFirstPage && Page.NewerCursor is { } newer ? Url(("after", newer.ToString(CultureInfo.InvariantCulture)), ("before", null)) : null;

    public static IReadOnlyList<string> TypeOptions { get; } =
        EventType.Categories.Select(c => c + ".*").Concat(EventType.All).ToList();

    public static string LinkFor(string key, string value) => QueryHelpers.AddQueryString("/swarm/events", key, value);

    public string ExportUrl(string format) =>
        QueryHelpers.AddQueryString("/api/v1/events/export",
            QueryValues.Where(p => FilterKeys.Contains(p.Key)).Append(new("format", format)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static string Display(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static EventsViewModel Create(
        IQueryCollection query, EventQuery effective, EventPage page, IReadOnlyList<EventTypeCount> summary, Dictionary<string, string[]> errors)
    {
        var values = query.Where(q => q.Value.ToString().Length > 0).ToImmutableDictionary(q => q.Key, q => q.Value.ToString());
        return new EventsViewModel
        {
            Filters = new EventFilters(
                values.GetValueOrDefault("type"), values.GetValueOrDefault("task_id"), values.GetValueOrDefault("agent_id"),
                values.GetValueOrDefault("source"), LocalInput(values.GetValueOrDefault("from")), LocalInput(values.GetValueOrDefault("to"))),
            Page = page,
            Summary = summary,
            Errors = errors.SelectMany(e => e.Value).ToImmutableArray(),
            QueryValues = values,
            IsFirstPage = effective.BeforeId is null && (effective.AfterId is null || page.NewerCursor is null),
        };
    }

    private string Url(params (string Key, string? Value)[] changes)
    {
        var values = QueryValues.Where(p => FilterKeys.Contains(p.Key) || p.Key == "limit").ToDictionary(p => p.Key, p => (string?)p.Value);
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }
        return QueryHelpers.AddQueryString("/swarm/events", values.Where(v => v.Value is not null));
    }

    /// <summary>A datetime-local input wants <c>yyyy-MM-ddTHH:mm:ss</c>; show what was asked for in that form.</summary>
    private static string? LocalInput(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : value;

    public sealed record EventFilters(string? Type, string? TaskId, string? AgentId, string? Source, string? From, string? To);
}
