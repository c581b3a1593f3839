using Timmy.Core.Refusals;

namespace Timmy.Core.Swarm.Agents;

/// <summary>An agent cannot do this in its current state (Timmy cannot be stopped, a persona's id cannot be taken by a
/// remote agent, an offline agent cannot bid).</summary>
public sealed class AgentConflictException(string title, string detail) : ConflictException(title, detail);
