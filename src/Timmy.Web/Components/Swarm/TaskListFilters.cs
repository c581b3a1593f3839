using Microsoft.AspNetCore.WebUtilities;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Components.Swarm;

/// <summary>The filters of /swarm/tasks as the address carries them (<c>status</c>, <c>agent</c>, <c>q</c>, and the
/// keyset cursor <c>before</c>), checked and turned into a <see cref="TaskQuery"/>. A bad filter is an error naming it;
/// nothing is half-applied.</summary>
public sealed record TaskListFilters(string? Status, string? Agent, string? Text, string? Before)
{
    public const string Path = "/swarm/tasks";
    public const string Open = "open";
    public const int MaxTextLength = 200;
    public const int PageSize = 25;

    /// <summary>The status choices of the filter form: any, the unfinished ones together, then each state.</summary>
    public static IReadOnlyList<(string Value, string Label)> StatusOptions { get; } =
    [
        ("", "any status"),
        (Open, "open (bidding, assigned, running)"),
        .. SwarmTaskStatus.All.Select(s => (s, SwarmFormat.Status(s))),
    ];

    public bool HasFilters => Status is not null || Agent is not null || Text is not null;

    public static TaskListFilters From(string? status, string? agent, string? text, string? before) =>
        new(Blank(status), Blank(agent), Blank(text), Blank(before));

    /// <summary>The query these filters ask for, or the reasons they cannot be used.</summary>
    public (TaskQuery Query, IReadOnlyList<string> Errors) ToQuery()
    {
        var errors = new List<string>();
        IReadOnlyList<string> statuses = Status switch
        {
            null => [],
            Open => [SwarmTaskStatus.Pending, SwarmTaskStatus.Bidding, SwarmTaskStatus.Assigned, SwarmTaskStatus.Running],
            _ when SwarmTaskStatus.All.Contains(Status) => [Status],
            _ => Error(errors, $"'{Status}' is not a task status; pick one of {string.Join(", ", SwarmTaskStatus.All)} or open."),
        };
        if (Text is { Length: > MaxTextLength })
        {
            errors.Add($"The search text is {Text.Length} characters; at most {MaxTextLength}.");
        }
        if (Agent is { Length: > 64 })
        {
            errors.Add("An agent id is at most 64 characters.");
        }
        if (Before is { Length: > 64 })
        {
            errors.Add("That page address is not one this list made; start again from the newest tasks.");
        }
        return (new TaskQuery { Statuses = statuses, AgentId = Agent, Text = Text, BeforeId = Before, Limit = PageSize }, errors);
    }

    /// <summary>This list's address with these filters and the given cursor (null: the newest page).</summary>
    public string Url(string? before) => QueryHelpers.AddQueryString(Path, new Dictionary<string, string?>
    {
        ["status"] = Status, ["agent"] = Agent, ["q"] = Text, ["before"] = before,
    }.Where(p => p.Value is not null));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IReadOnlyList<string> Error(List<string> errors, string message)
    {
        errors.Add(message);
        return [];
    }
}
