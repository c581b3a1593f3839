namespace Timmy.Core.Swarm.Personas;

/// <summary>What a persona does about one task: bid <see cref="AmountSats"/>, or decline (null), and why.</summary>
/// <param name="AmountSats">The bid in whole sats, at least 1; null when the persona declines.</param>
/// <param name="Reason">For people: "speciality: matched debug, tests", "off-speciality",
/// "declined: needs image_generation, which is not available".</param>
/// <param name="MatchedKeywords">The persona's keywords the task mentions; empty off its speciality.</param>
/// <param name="LearnedFactor">What <see cref="BidLearner"/> multiplied the bid by (1.0 before it has learned).</param>
public sealed record BidDecision(long? AmountSats, string Reason, IReadOnlyList<string> MatchedKeywords, double LearnedFactor)
{
    public bool Declined => AmountSats is null;
}
