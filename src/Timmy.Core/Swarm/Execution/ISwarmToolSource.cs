using Microsoft.Extensions.AI;

namespace Timmy.Core.Swarm.Execution;

/// <summary>Supplies tools to the agents that carry out tasks. The swarm's own (event log, sub-tasks) are one source;
/// a feature adds its tools (memory, for one) by registering another.</summary>
public interface ISwarmToolSource
{
    IEnumerable<AIFunction> ToolsFor(SwarmToolContext context);
}
