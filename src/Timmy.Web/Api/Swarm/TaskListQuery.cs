using Timmy.Core.Swarm.Tasks;

namespace Timmy.Web.Api.Swarm;

/// <summary>Turns the filters of <c>GET /api/v1/tasks</c> into a <see cref="TaskQuery"/>, or into field errors:
/// <c>status</c> (repeatable or comma-separated, each one of the task states), <c>agent</c>, <c>parent</c>, <c>q</c>
/// (text in the description), <c>before</c> (the <c>next</c> cursor of the previous page) and <c>limit</c>.</summary>
public static class TaskListQuery
{
    public const int MaxTextLength = 200;

    public static (TaskQuery Query, Dictionary<string, string[]> Errors) Parse(
        IEnumerable<string?> statuses, string? agent, string? parent, string? text, string? before, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        var wanted = statuses.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).Distinct().ToList();
        var unknown = wanted.Where(s => !SwarmTaskStatus.All.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            errors["status"] = [$"Unknown status {string.Join(", ", unknown.Select(u => $"'{Clip(u)}'"))}; "
                + $"a task is one of: {string.Join(", ", SwarmTaskStatus.All)}."];
        }
        var query = new TaskQuery
        {
            Statuses = wanted,
            AgentId = QueryField.Bounded("agent", agent, SwarmEndpoints.MaxIdLength, errors),
            ParentTaskId = QueryField.Bounded("parent", parent, SwarmEndpoints.MaxIdLength, errors),
            Text = QueryField.Bounded("q", text, MaxTextLength, errors),
            BeforeId = QueryField.Bounded("before", before, SwarmEndpoints.MaxIdLength, errors),
            Limit = limit ?? TaskQuery.DefaultLimit,
        };
        return (query, errors);
    }

    private static string Clip(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
