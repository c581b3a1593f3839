using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Components.Lightning;

/// <summary>Which ledger entries /lightning/ledger lists, as the address carries them: <c>direction</c>, <c>status</c>,
/// <c>task</c>, <c>agent</c>, <c>from</c> and <c>to</c> (dates, UTC, both days included) and the keyset cursor
/// <c>before</c>. A bad value is an error naming it; nothing is half-applied. The CSV export takes the same filters,
/// its <c>to</c> being exclusive (the day after).</summary>
public sealed record LedgerFilters(string? Direction, string? Status, string? Task, string? Agent, string? From, string? To, string? Before)
{
    public const int PageSize = 25;
    public const int MaxIdLength = 200;
    public const string ExportPath = "/api/v1/lightning/export";

    public static LedgerFilters None { get; } = new(null, null, null, null, null, null, null);

    public bool HasFilters => Direction is not null || Status is not null || Task is not null || Agent is not null || From is not null || To is not null;

    public static LedgerFilters FromAddress(string? direction, string? status, string? task, string? agent, string? from, string? to, string? before) =>
        new(Blank(direction)?.ToLowerInvariant(), Blank(status)?.ToLowerInvariant(), Blank(task), Blank(agent), Blank(from), Blank(to), Blank(before));

    /// <summary>The store's filter these ask for, or the reasons they cannot be used.</summary>
    public (LedgerFilter Filter, IReadOnlyList<string> Errors) ToFilter()
    {
        var errors = new List<string>();
        if (Direction is not null && !LedgerDirection.IsKnown(Direction))
        {
            errors.Add($"'{Direction}' is not a direction; pick {string.Join(" or ", LedgerDirection.All)}.");
        }
        if (Status is not null && !LedgerStatus.IsKnown(Status))
        {
            errors.Add($"'{Status}' is not a state; pick one of {string.Join(", ", LedgerStatus.All)}.");
        }
        if (Task is { Length: > MaxIdLength } || Agent is { Length: > MaxIdLength })
        {
            errors.Add($"A task or agent id is at most {MaxIdLength} characters.");
        }
        var from = Day(From, "from", errors);
        var to = Day(To, "to", errors);
        if (from is not null && to is not null && from > to)
        {
            errors.Add("The 'from' date is after the 'to' date.");
        }
        if (Before is { Length: > MaxIdLength })
        {
            errors.Add("That page address is not one this list made; start again from the newest entries.");
        }
        return (new LedgerFilter
        {
            Direction = Direction, Status = Status, TaskId = Task, AgentId = Agent,
            From = Start(from), To = Start(to?.AddDays(1)), Before = Before, Limit = PageSize,
        }, errors);
    }

    /// <summary>The page's address with these filters and the given cursor (null: the newest entries).</summary>
    public string Url(string? before) => QueryHelpers.AddQueryString(LightningFormat.Path, Pairs(before));

    /// <summary>The page listing one agent's entries.</summary>
    public static string AgentUrl(string agentId) => (None with { Agent = agentId }).Url(null);

    /// <summary>The page listing one task's entries.</summary>
    public static string TaskUrl(string taskId) => (None with { Task = taskId }).Url(null);

    /// <summary>The CSV export of every entry these filters match (no cursor: all pages).</summary>
    public string ExportUrl()
    {
        var to = DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : To;
        return QueryHelpers.AddQueryString(ExportPath, new Dictionary<string, string?>
        {
            ["direction"] = Direction, ["status"] = Status, ["task"] = Task, ["agent"] = Agent, ["from"] = From, ["to"] = to,
        }.Where(p => p.Value is not null));
    }

    private IEnumerable<KeyValuePair<string, string?>> Pairs(string? before) => new Dictionary<string, string?>
    {
        ["direction"] = Direction, ["status"] = Status, ["task"] = Task, ["agent"] = Agent, ["from"] = From, ["to"] = To, ["before"] = before,
    }.Where(p => p.Value is not null);

    private static DateOnly? Day(string? value, string name, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add($"The '{name}' date '{(value.Length <= 20 ? value : value[..20] + "…")}' is not a date like 2026-03-01.");
        return null;
    }

    private static DateTimeOffset? Start(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
