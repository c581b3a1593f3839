using System.ComponentModel;
using Microsoft.Extensions.AI;
using Timmy.Core.Events;

namespace Timmy.Core.Swarm.Execution;

/// <summary>The tools every agent has: read the event log (what the swarm and Timmy have been doing), and post a
/// sub-task to the swarm, which its own auction assigns.</summary>
public sealed class SwarmBuiltInTools(EventReader reader) : ISwarmToolSource
{
    public const int MaxEventsRead = 50;

    public IEnumerable<AIFunction> ToolsFor(SwarmToolContext context)
    {
        yield return AIFunctionFactory.Create(
            ([Description("Event types to read, comma-separated; a trailing * matches a category (e.g. \"task.*,bid.submitted\"). Empty reads every type.")] string? types = null,
             [Description("Only events of this task id.")] string? task_id = null,
             [Description("How many of the newest events to read, 1-50.")] int? limit = null,
             CancellationToken cancellationToken = default) => ReadEventLogAsync(types, task_id, limit, cancellationToken),
            "read_event_log",
            "Reads the newest events of Timmy's event log (tasks, bids, agents, tools, chat, providers), newest first.");
        yield return AIFunctionFactory.Create(
            ([Description("What the sub-task should achieve, in full sentences.")] string description,
             [Description("Most sats to pay for it; empty for the swarm's default.")] long? max_bid_sats = null,
             CancellationToken cancellationToken = default) => PostSubtaskAsync(context, description, max_bid_sats, cancellationToken),
            "post_subtask",
            "Posts a sub-task to the swarm; the agents bid on it and the winner carries it out. Returns its id and status.");
    }

    private async Task<object> ReadEventLogAsync(string? types, string? taskId, int? limit, CancellationToken cancellationToken)
    {
        var texts = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!EventTypePattern.TryParseAll(texts, out var patterns, out var error))
        {
            return new { error };
        }
        var page = await reader.QueryAsync(new EventQuery
        {
            Types = patterns,
            TaskId = string.IsNullOrWhiteSpace(taskId) ? null : taskId.Trim(),
            Limit = Math.Clamp(limit ?? 20, 1, MaxEventsRead),
        }, cancellationToken);
        return page.Items.Select(e => new { id = e.Id, type = e.EventType, source = e.Source, task_id = e.TaskId, agent_id = e.AgentId, timestamp = e.Timestamp, data = e.Data })
            .ToArray();
    }

    private static async Task<object> PostSubtaskAsync(SwarmToolContext context, string description, long? maxBidSats, CancellationToken cancellationToken)
    {
        var task = await context.PostSubtask(description, maxBidSats, cancellationToken);
        return new { task_id = task.Id, status = task.Status, assigned_agent = task.AssignedAgent };
    }
}
