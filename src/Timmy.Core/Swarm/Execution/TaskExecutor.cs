using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Timmy.Core.Agents;
using Timmy.Core.Events;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm.Execution;

/// <summary>Carries out a task as a persona: its system prompt and the task on the <see cref="AgentRunner"/> Timmy
/// answers through (the cascade router), with the tools of every <see cref="ISwarmToolSource"/>, each call logged, for
/// at most <see cref="SwarmOptions.MaxToolRounds"/> rounds. It only runs; the coordinator moves the task.</summary>
public sealed class TaskExecutor(AgentRunner runner, IEnumerable<ISwarmToolSource> toolSources, IEventLog events, IOptions<SwarmOptions> options, TimeProvider time)
{
    /// <exception cref="TaskRunFailedException">The model gave no answer.</exception>
    public async Task<(string Result, TaskRunFacts Facts)> RunAsync(SwarmToolContext context, Persona persona, CancellationToken cancellationToken)
    {
        var tools = options.Value.MaxToolRounds == 0
            ? []
            : toolSources.SelectMany(s => s.ToolsFor(context)).Select(t => new LoggedTool(t, events, context.Task.Id, context.AgentId, time)).ToList();
        var request = new AgentRequest(Instructions(persona, context.Task), [new ChatMessage(ChatRole.User, context.Task.Description)])
        {
            Tools = tools,
            MaxToolRounds = options.Value.MaxToolRounds,
        };
        var reply = await runner.RunAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(reply.Text))
        {
            throw new TaskRunFailedException("the model gave no answer");
        }
        var facts = new TaskRunFacts(reply.Routing?.Provider, reply.Routing?.Model, Math.Round(reply.LatencyMs, 1), tools.Sum(t => t.Calls));
        return (reply.Text.Trim(), facts);
    }

    private static string Instructions(Persona persona, SwarmTask task) =>
        $"""
        {persona.SystemPrompt}

        You won task {task.Id} in the swarm's auction. Carry it out now and answer with the finished result in Markdown; the
        answer is stored as the task's result. Use a tool only when it helps the result.
        """;
}
