using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Timmy.Core.Memory;

namespace Timmy.Web.Components.Memory;

/// <summary>What /memory shows, as the address carries it: the search text <c>q</c>, the <c>type</c>, <c>agent</c>,
/// <c>since</c> and <c>until</c> (dates, UTC, both days included) and, for the newest-first list, the keyset cursor
/// <c>before</c>. A bad value is an error naming it; nothing is half-applied.</summary>
public sealed record MemoryFilters(string? Query, string? Type, string? Agent, string? Since, string? Until, string? Before)
{
    public const string Path = "/memory";
    public const int PageSize = 25;
    public const int SearchLimit = 25;

    public static MemoryFilters None { get; } = new(null, null, null, null, null, null);

    public bool IsSearch => Query is not null;

    public bool HasFilters => Type is not null || Agent is not null || Since is not null || Until is not null;

    public static MemoryFilters From(string? query, string? type, string? agent, string? since, string? until, string? before) =>
        new(Blank(query), Blank(type), Blank(agent), Blank(since), Blank(until), Blank(before));

    /// <summary>The filter these ask for, or the reasons they cannot be used.</summary>
    public (MemoryFilter Filter, IReadOnlyList<string> Errors) ToFilter()
    {
        var errors = new List<string>();
        if (Query is { Length: > MemorySearchQuery.MaxTextLength })
        {
            errors.Add($"The search is {Query.Length} characters; at most {MemorySearchQuery.MaxTextLength}.");
        }
        if (Type is not null && !MemoryContextTypes.IsKnown(Type))
        {
            errors.Add($"'{Type}' is not a kind of entry; pick one of {string.Join(", ", MemoryContextTypes.All)}.");
        }
        if (Agent is { Length: > 64 })
        {
            errors.Add("An agent id is at most 64 characters.");
        }
        var since = Day(Since, "from", errors);
        var until = Day(Until, "to", errors)?.AddDays(1).AddTicks(-1);
        if (since is not null && until is not null && since > until)
        {
            errors.Add("The 'from' date is after the 'to' date.");
        }
        if (Before is { Length: > 64 })
        {
            errors.Add("That page address is not one this list made; start again from the newest entries.");
        }
        var filter = new MemoryFilter
        {
            ContextTypes = Type is null ? null : [Type],
            AgentId = Agent,
            Since = since,
            Until = until,
        };
        return (filter, errors);
    }

    /// <summary>This page's address with these filters and the given cursor (null: the newest entries).</summary>
    public string Url(string? before) => QueryHelpers.AddQueryString(Path, Pairs(before));

    private IEnumerable<KeyValuePair<string, string?>> Pairs(string? before) => new Dictionary<string, string?>
    {
        ["q"] = Query, ["type"] = Type, ["agent"] = Agent, ["since"] = Since, ["until"] = Until, ["before"] = before,
    }.Where(p => p.Value is not null);

    private static DateTimeOffset? Day(string? value, string name, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        errors.Add($"The '{name}' date '{value}' is not a date like 2026-03-01.");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
