using Dapper;

namespace Timmy.Core.Memory;

/// <summary>A <see cref="MemoryFilter"/> and a <see cref="MemoryViewer"/> as a SQL condition on <c>memory_entries e</c>,
/// with its parameters; the same rules <see cref="MemoryVectorIndex"/> applies in memory.</summary>
internal static class MemoryFilterSql
{
    /// <summary>The condition when nothing narrows the rows.</summary>
    public const string Everything = "1 = 1";

    public static string Where(MemoryFilter filter, MemoryViewer viewer, DynamicParameters parameters)
    {
        var clauses = new List<string>();
        if (!viewer.IsOwner)
        {
            clauses.Add("(e.agent_id = @viewer OR e.shared = 1)");
            parameters.Add("viewer", viewer.AgentId);
        }
        if (filter.ContextTypes is { } types)
        {
            clauses.Add("e.context_type IN @types");
            parameters.Add("types", types);
        }
        if (filter.AgentId == MemoryFilter.OwnerAgentId)
        {
            clauses.Add("e.agent_id IS NULL");
        }
        else if (filter.AgentId is { } agent)
        {
            clauses.Add("e.agent_id = @agent");
            parameters.Add("agent", agent);
        }
        if (filter.SessionId is { } session)
        {
            clauses.Add("e.session_id = @session");
            parameters.Add("session", session);
        }
        if (filter.ExcludeSessionId is { } excluded)
        {
            clauses.Add("(e.session_id IS NULL OR e.session_id <> @excludedSession)");
            parameters.Add("excludedSession", excluded);
        }
        if (filter.TaskId is { } task)
        {
            clauses.Add("e.task_id = @task");
            parameters.Add("task", task);
        }
        if (filter.Source is { } source)
        {
            clauses.Add("e.source = @source");
            parameters.Add("source", source);
        }
        if (filter.Since is { } since)
        {
            clauses.Add("e.timestamp >= @since");
            parameters.Add("since", Storage.Timestamps.Format(since));
        }
        if (filter.Until is { } until)
        {
            clauses.Add("e.timestamp <= @until");
            parameters.Add("until", Storage.Timestamps.Format(until));
        }
        return clauses.Count == 0 ? Everything : string.Join(" AND ", clauses);
    }
}
