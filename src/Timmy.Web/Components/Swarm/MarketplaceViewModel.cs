namespace Timmy.Web.Components.Swarm;

/// <summary>The marketplace (/marketplace): Timmy and the nine personas with their figures, and the remote agents that
/// have joined.</summary>
public sealed class MarketplaceViewModel
{
    public required IReadOnlyList<PersonaView> Personas { get; init; }
    public required IReadOnlyList<AgentView> RemoteAgents { get; init; }
    public required MarketplaceNotice? Notice { get; init; }

    public long TotalSatsEarned => Personas.Sum(p => p.Stats.SatsEarned) + RemoteAgents.Sum(a => a.Stats.SatsEarned);
    public long TotalCompleted => Personas.Sum(p => p.Stats.TasksCompleted) + RemoteAgents.Sum(a => a.Stats.TasksCompleted);
    public int OnlineCount => Personas.Count(p => p.IsOnline) + RemoteAgents.Count(a => a.IsOnline);
}
