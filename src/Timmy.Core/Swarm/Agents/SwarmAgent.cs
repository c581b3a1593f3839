namespace Timmy.Core.Swarm.Agents;

/// <summary>An agent of the swarm (row of <c>agents</c>). <see cref="Autostart"/>: a persona the owner left running
/// starts again with the server. <see cref="TokenId"/>: the API token a remote agent registered with; only that token
/// may act for it.</summary>
public sealed record SwarmAgent(
    string Id,
    string Name,
    string Status,
    IReadOnlyList<string> Capabilities,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastSeen,
    string Kind,
    string? PersonaId,
    bool Autostart,
    string? TokenId)
{
    public bool IsOnline => Status != AgentStatus.Offline;
}
