using System.Text.Json;
using Microsoft.Extensions.AI;
using Timmy.Core.Events;
using Timmy.Core.Refusals;

namespace Timmy.Core.Swarm.Execution;

/// <summary>Wraps a tool so each call is in the event log: tool.called with its arguments, then tool.completed with a
/// preview of the result or tool.failed with the error. A refusal (bad arguments, a limit) goes back to the model as an
/// error it can read, instead of failing the run.</summary>
public sealed class LoggedTool(AIFunction inner, IEventLog events, string taskId, string agentId, TimeProvider time) : DelegatingAIFunction(inner)
{
    private int _calls;

    /// <summary>How many times the model called this tool in the run.</summary>
    public int Calls => Volatile.Read(ref _calls);

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var shown = arguments.Where(a => a.Value is not CancellationToken).ToDictionary(a => a.Key, a => a.Value);
        await events.LogAsync(new EventDraft(EventType.ToolCalled, agentId, new { tool = Name, arguments = shown }, taskId, agentId), cancellationToken);
        var started = time.GetTimestamp();
        try
        {
            var result = await base.InvokeCoreAsync(arguments, cancellationToken);
            await events.LogAsync(new EventDraft(EventType.ToolCompleted, agentId, new
            {
                tool = Name, result = SwarmEvents.Preview(Describe(result)), ms = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1),
            }, taskId, agentId), cancellationToken);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await events.LogAsync(new EventDraft(EventType.ToolFailed, agentId, new { tool = Name, error = ex.Message }, taskId, agentId), CancellationToken.None);
            if (ex is RefusalException or ArgumentException)
            {
                return new { error = ex.Message };
            }
            throw;
        }
    }

    private static string Describe(object? result) => result switch
    {
        null => "",
        string text => text,
        JsonElement json => JsonSerializer.Serialize(json),
        _ => JsonSerializer.Serialize(result),
    };
}
