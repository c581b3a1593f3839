using Timmy.Core.Swarm.Personas;

namespace Timmy.Web.Components.Swarm;

/// <summary>The line shown after a spawn or stop button on the marketplace: the redirect carries a code and the persona's
/// id, the words are made here.</summary>
public sealed record MarketplaceNotice(string Text, bool IsError)
{
    public const string Spawned = "spawned";
    public const string Stopped = "stopped";
    public const string Refused = "refused";

    public static MarketplaceNotice? For(string? code, string? personaId)
    {
        var persona = personaId is null ? null : PersonaCatalog.Find(personaId);
        return (code, persona) switch
        {
            (Spawned, { } p) => new($"Started {p.Name}: it bids on new tasks from now on, and starts again with the server.", false),
            (Stopped, { } p) => new($"Stopped {p.Name}: it no longer bids; a task it is working on runs to its end.", false),
            (Refused, { } p) when p.Id == Core.Swarm.Agents.AgentRoster.TimmyId => new("Timmy coordinates the swarm and is always running.", true),
            (Refused, _) => new("There is no persona by that name.", true),
            _ => null,
        };
    }
}
