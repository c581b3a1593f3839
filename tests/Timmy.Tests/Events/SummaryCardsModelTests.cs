using Timmy.Core.Events;
using Timmy.Web.Components.Events;

namespace Timmy.Tests.Events;

public sealed class SummaryCardsModelTests
{
    public static TheoryData<string> FailureAndErrorTypes =>
        new(EventType.All.Where(t => t.Contains("fail", StringComparison.Ordinal) || t.Contains("error", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(FailureAndErrorTypes))]
    public void ProblemsCard_MatchesEveryFailureAndErrorTypeInTheCatalogue(string eventType)
    {
        var problems = SummaryCardsModel.Build([new EventTypeCount(eventType, 1)]).Single(c => c.Key == "problems");

        Assert.Equal(1, problems.Value);
        Assert.Contains(eventType, problems.Match.Split(' '));
    }

    [Fact]
    public void ProblemsCard_CountsChatFailuresAndOpenedCircuits_NotOrdinaryEvents()
    {
        IReadOnlyList<EventTypeCount> counts =
        [
            new(EventType.ChatFailed, 2), new(EventType.ProviderCircuitOpened, 1), new(EventType.TaskFailed, 1),
            new(EventType.SystemError, 1), new(EventType.TaskCreated, 5), new(EventType.ProviderCircuitClosed, 1),
        ];

        var cards = SummaryCardsModel.Build(counts).ToDictionary(c => c.Key, c => c.Value);

        Assert.Equal(5, cards["problems"]);
        Assert.Equal(11, cards["all"]);
    }
}
