using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Web.Components.Swarm;

/// <summary>A built-in persona on the marketplace: its card (role, capabilities, rate), whether it runs now, its record
/// from the database and what the bid learner has made of its history.</summary>
public sealed record PersonaView(Persona Persona, string Status, int ActiveTasks, AgentStats Stats, PersonaLearning Learning)
{
    public bool IsOnline => Status != AgentStatus.Offline;

    /// <summary>Timmy is always registered: he has no stop button.</summary>
    public bool CanStop => IsOnline && Persona.Id != AgentRoster.TimmyId;
}
