namespace Timmy.Core.Swarm.Personas;

/// <summary>A stored row of <c>persona_outcomes</c>: one persona's bid on one task, whether it won, and, once a task
/// it won has finished, whether it succeeded.</summary>
/// <param name="Succeeded">Null until the won task finishes, and always null for a lost auction.</param>
/// <param name="RecordedAt">When the bid was first recorded (a later upsert keeps it).</param>
public sealed record PersonaOutcome(
    string PersonaId,
    string TaskId,
    IReadOnlyList<string> Keywords,
    long BidSats,
    bool Won,
    bool? Succeeded,
    DateTimeOffset RecordedAt);
