namespace Timmy.Core.Swarm.Personas;

/// <summary>Decides a persona's bid on a task. The rule, in order:
/// <list type="number">
/// <item>The task's description is matched against the persona's keywords (<see cref="KeywordMatcher"/>).</item>
/// <item>A task in its speciality that needs the persona's <see cref="Persona.RequiredTool"/> when that tool is not
/// available is declined.</item>
/// <item>The raw bid: in its speciality, base ± jitter; off its speciality, <see cref="OffSpecialityMultiplier"/> × base
/// plus 0 to jitter (always clearly higher, so a specialist rarely takes work outside its field); a generalist (no
/// keywords, Timmy) bids base ± jitter on everything.</item>
/// <item>That is multiplied by <see cref="BidLearner.Factor"/> for the persona and the matched keywords, rounded to
/// whole sats and raised to at least 1.</item>
/// <item>A bid over the task's maximum becomes the maximum when the persona's floor (its un-jittered price, base or
/// multiplier × base, times the factor) still fits under it; otherwise the persona declines.</item>
/// </list></summary>
public sealed class PersonaBidder(BidLearner learner, Func<int, int, int>? randomBetween = null)
{
    /// <summary>How many times its base a specialist asks for work outside its speciality.</summary>
    public const int OffSpecialityMultiplier = 3;

    // Random.Shared is safe to call from any thread; a caller's own source is used as it is (tests give fixed ones).
    private readonly Func<int, int, int> _randomBetween = randomBetween ?? ((min, max) => Random.Shared.Next(min, max + 1));

    /// <param name="persona">Who bids.</param>
    /// <param name="description">The task as posted.</param>
    /// <param name="maxBidSats">The most the task's poster will pay; at least 1.</param>
    /// <param name="availableTools">The tools the executing agent will be given.</param>
    public BidDecision Decide(Persona persona, string description, long maxBidSats, IReadOnlySet<string> availableTools)
    {
        ArgumentNullException.ThrowIfNull(persona);
        ArgumentNullException.ThrowIfNull(availableTools);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBidSats, 1);
        var matched = KeywordMatcher.Match(description, persona.Keywords);
        var factor = learner.Factor(persona.Id, matched);
        if (matched.Count > 0 && persona.RequiredTool is { } tool && !availableTools.Contains(tool))
        {
            return new BidDecision(null, $"declined: needs {tool}, which is not available", matched, factor);
        }
        var (floor, jitter, reason) = RawBid(persona, matched);
        var amount = Scale(floor + jitter, factor);
        if (amount <= maxBidSats)
        {
            return new BidDecision(amount, reason, matched, factor);
        }
        return Scale(floor, factor) <= maxBidSats
            ? new BidDecision(maxBidSats, $"{reason}; capped at the task's max {maxBidSats} sats", matched, factor)
            : new BidDecision(null, $"declined: its bid {amount} sats is over the task's max {maxBidSats}", matched, factor);
    }

    private (long Floor, long Jitter, string Reason) RawBid(Persona persona, IReadOnlyList<string> matched)
    {
        var spread = (int)Math.Clamp(persona.BidJitterSats, 0, int.MaxValue / 2);
        if (persona.IsGeneralist)
        {
            return (persona.BidBaseSats, _randomBetween(-spread, spread), "generalist");
        }
        if (matched.Count > 0)
        {
            return (persona.BidBaseSats, _randomBetween(-spread, spread), "speciality: matched " + string.Join(", ", matched));
        }
        return (persona.BidBaseSats * OffSpecialityMultiplier, _randomBetween(0, spread), "off-speciality");
    }

    private static long Scale(long sats, double factor) =>
        Math.Max(1, (long)Math.Round(sats * factor, MidpointRounding.AwayFromZero));
}
