using System.ComponentModel;
using Microsoft.Extensions.AI;
using Timmy.Core.Refusals;
using Timmy.Core.Swarm.Execution;

namespace Timmy.Core.Memory.SwarmTools;

/// <summary>The memory tools every agent gets while it carries out a task: search what it may see (its own entries and
/// the shared ones — never another agent's private notes, nor the owner's unless shared), remember a note of its own,
/// and look up similar past tasks with their results (<see cref="TaskResultMemory"/> keeps them). A refusal becomes
/// the tool's answer, so the model can correct itself.</summary>
public sealed class MemoryTools(MemoryService memory) : ISwarmToolSource
{
    public const int MaxResults = 10;
    public const int MaxContentShown = 600;

    public IEnumerable<AIFunction> ToolsFor(SwarmToolContext context)
    {
        var viewer = MemoryViewer.Agent(context.AgentId);
        yield return AIFunctionFactory.Create(
            ([Description("What to look for, in words or by meaning.")] string query,
             [Description("Only this kind: conversation, fact or document. Empty for all.")] string? type = null,
             [Description("How many results, 1-10.")] int? limit = null,
             CancellationToken cancellationToken = default) => SearchAsync(viewer, query, type, null, limit, cancellationToken),
            "search_memory",
            "Searches the memory you may read (your own notes and everything shared with the swarm: facts, documents, past task results) by meaning and by words; best first.");
        yield return AIFunctionFactory.Create(
            ([Description("The note to keep, in full sentences that make sense on their own later.")] string content,
             [Description("Share it with the whole swarm (true) or keep it to yourself (false, the default).")] bool? shared = null,
             CancellationToken cancellationToken = default) => RememberAsync(context, content, shared ?? false, cancellationToken),
            "remember",
            "Stores a note in your memory, tied to the task you are working on, to find later with search_memory.");
        yield return AIFunctionFactory.Create(
            ([Description("How many past tasks, 1-10.")] int? limit = null, CancellationToken cancellationToken = default) =>
                SearchAsync(viewer, context.Task.Description, null, TaskResultMemory.Source, limit, cancellationToken, exclude: context.Task.Id),
            "similar_tasks",
            "Finds past swarm tasks most like the current one, with the results their agents gave.");
    }

    private async Task<object> SearchAsync(
        MemoryViewer viewer, string query, string? type, string? source, int? limit, CancellationToken cancellationToken, string? exclude = null)
    {
        if (type is { Length: > 0 } && !MemoryContextTypes.IsKnown(type))
        {
            return new { error = $"'type' must be one of {string.Join(", ", MemoryContextTypes.All)}." };
        }
        try
        {
            var result = await memory.SearchAsync(new MemorySearchQuery(query)
            {
                Viewer = viewer,
                Filter = new MemoryFilter { ContextTypes = type is { Length: > 0 } ? [type] : null, Source = source },
                Limit = Math.Clamp(limit ?? 5, 1, MaxResults) + (exclude is null ? 0 : 1),
            }, cancellationToken);
            return result.Hits.Where(h => exclude is null || h.Entry.TaskId != exclude).Take(Math.Clamp(limit ?? 5, 1, MaxResults)).Select(h => new
            {
                id = h.Entry.Id, type = h.Entry.ContextType, source = h.Entry.Source, task_id = h.Entry.TaskId, score = h.Score,
                timestamp = h.Entry.Timestamp, content = Shorten(h.Entry.Content),
            }).ToArray();
        }
        catch (InvalidFieldException refused)
        {
            return new { error = refused.Message };
        }
    }

    private async Task<object> RememberAsync(SwarmToolContext context, string content, bool shared, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await memory.StoreAsync(new NewMemory(content, MemoryContextTypes.Fact, "agent:" + context.AgentId)
            {
                AgentId = context.AgentId, TaskId = context.Task.Id, Shared = shared,
            }, cancellationToken);
            return new { id = entry.Id, shared = entry.Shared, embedded = entry.Embedder is not null };
        }
        catch (InvalidFieldException refused)
        {
            return new { error = refused.Message };
        }
    }

    private static string Shorten(string content) => content.Length <= MaxContentShown ? content : content[..MaxContentShown] + "…";
}
