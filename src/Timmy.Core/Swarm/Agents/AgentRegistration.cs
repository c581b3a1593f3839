namespace Timmy.Core.Swarm.Agents;

/// <summary>An agent joining (or re-joining) the swarm. Re-registering an id keeps its registration time and history.</summary>
public sealed record AgentRegistration(string Id, string Name, IReadOnlyList<string> Capabilities, string Kind, string? PersonaId = null, string? TokenId = null);
