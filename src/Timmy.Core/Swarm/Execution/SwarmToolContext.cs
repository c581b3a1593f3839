using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm.Execution;

/// <summary>What a tool needs to know about the run it serves: the task, the agent working on it, and how to post a
/// sub-task (description, max bid or null for the default) on that agent's behalf.</summary>
public sealed record SwarmToolContext(SwarmTask Task, string AgentId, Func<string, long?, CancellationToken, Task<SwarmTask>> PostSubtask);
