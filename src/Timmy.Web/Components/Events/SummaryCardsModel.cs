using Timmy.Core.Events;

namespace Timmy.Web.Components.Events;

/// <summary>The cards over the event log: what each counts (<see cref="SummaryCard.Match"/> is a
/// space-separated list of type patterns the browser script also uses for live increments).</summary>
public static class SummaryCardsModel
{
    public sealed record SummaryCard(string Key, string Icon, string Label, string Match, long Value);

    /// <summary>Every catalogued type that reports something going wrong: each <c>*failed</c> type, errors,
    /// warnings and an opened circuit. Taken from the catalogue, so a new failure type is counted too.</summary>
    public static IReadOnlyList<string> ProblemTypes { get; } = EventType.All
        .Where(t => t.EndsWith("failed", StringComparison.Ordinal) || t is EventType.SystemError or EventType.SystemWarning or EventType.ProviderCircuitOpened)
        .ToList();

    private static readonly (string Key, string Icon, string Label, string Match)[] Cards =
    [
        ("all", "📜", "events in the last hour", "*"),
        ("task", "📝", "task events", "task.*"),
        ("agent", "🤖", "agent events", "agent.*"),
        ("market", "💰", "bids & auctions", "bid.* auction.*"),
        ("problems", "🚨", "errors & failures", string.Join(' ', ProblemTypes)),
    ];

    public static IReadOnlyList<SummaryCard> Build(IReadOnlyList<EventTypeCount> counts) =>
        Cards.Select(c => new SummaryCard(c.Key, c.Icon, c.Label, c.Match, Count(counts, c.Match))).ToList();

    private static long Count(IReadOnlyList<EventTypeCount> counts, string match)
    {
        var patterns = match.Split(' ').Select(m => EventTypePattern.TryParse(m, out var p, out _) ? p : null).OfType<EventTypePattern>().ToList();
        return counts.Where(c => EventTypePattern.MatchesAny(patterns, c.EventType)).Sum(c => c.Count);
    }
}
