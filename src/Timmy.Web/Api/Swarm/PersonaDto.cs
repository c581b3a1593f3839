using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Web.Api.Swarm;

/// <summary>A built-in persona: who it is, how it bids, whether it is running (bidding) now, its record and what the
/// bid learner has learned about it.</summary>
public sealed record PersonaDto(
    string Id,
    string Name,
    string Role,
    IReadOnlyList<string> Capabilities,
    long RateSats,
    long BidBaseSats,
    long BidJitterSats,
    IReadOnlyList<string> Keywords,
    string? RequiredTool,
    string Status,
    AgentStatsDto Stats,
    PersonaLearning Learning)
{
    public const string Running = "running";
    public const string Stopped = "stopped";

    public static PersonaDto From(Persona persona, bool running, AgentStats? stats, PersonaLearning learning) => new(
        persona.Id, persona.Name, persona.Role, persona.Capabilities, persona.RateSats, persona.BidBaseSats, persona.BidJitterSats,
        persona.Keywords, persona.RequiredTool, running ? Running : Stopped, AgentStatsDto.From(stats ?? AgentStats.None(persona.Id)), learning);
}
