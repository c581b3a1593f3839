namespace Timmy.Core.Swarm.Personas;

/// <summary>One persona's bid in a closed auction, as the learner records it.</summary>
/// <param name="PersonaId">The bidder.</param>
/// <param name="Keywords">The keywords of its speciality the task matched (<see cref="BidDecision.MatchedKeywords"/>).</param>
/// <param name="BidSats">What it bid.</param>
/// <param name="Won">True for the auction's winner.</param>
public sealed record PersonaBidOutcome(string PersonaId, IReadOnlyList<string> Keywords, long BidSats, bool Won);
