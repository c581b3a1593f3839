namespace Timmy.Core.Swarm.Agents;

/// <summary>Where an agent runs: a persona in this process (Timmy included), or a remote agent that joined over HTTP.</summary>
public static class AgentKind
{
    public const string Persona = "persona";
    public const string Remote = "remote";
}
