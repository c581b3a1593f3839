using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Web.Components.Swarm;

/// <summary>An agent as the swarm pages show it: the stored agent, its persona when it is one, how many tasks it works on
/// now and its record from the database.</summary>
public sealed record AgentView(SwarmAgent Agent, Persona? Persona, int ActiveTasks, AgentStats Stats)
{
    public string Id => Agent.Id;
    public string Name => Agent.Name;
    public string Status => Agent.Status;
    public bool IsOnline => Agent.IsOnline;
    public bool IsRemote => Agent.Kind == AgentKind.Remote;

    /// <summary>The persona's role, or what a remote agent said it can do.</summary>
    public string Role => Persona?.Role ?? (Agent.Capabilities.Count > 0 ? "Remote: " + string.Join(", ", Agent.Capabilities) : "Remote agent");
}
