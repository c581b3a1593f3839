using Timmy.Core.Swarm.Personas;

namespace Timmy.Tests.Swarm.Personas;

/// <summary>Feeds a learner a made-up history: auctions lost, or won and finished.</summary>
internal static class LearnerHistory
{
    private static int _next;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewTaskId() => $"task-{Interlocked.Increment(ref _next):D6}";

    public static async Task LoseAuctionsAsync(BidLearner learner, string personaId, int count, params string[] keywords)
    {
        for (var i = 0; i < count; i++)
        {
            await learner.RecordAuctionAsync(NewTaskId(), [new PersonaBidOutcome(personaId, keywords, 50, Won: false)], Ct);
        }
    }

    /// <summary>Wins <paramref name="count"/> auctions; each task then finishes as <paramref name="succeeded"/> says
    /// (null: not finished yet).</summary>
    public static async Task WinAuctionsAsync(BidLearner learner, string personaId, int count, bool? succeeded, params string[] keywords)
    {
        for (var i = 0; i < count; i++)
        {
            var taskId = NewTaskId();
            await learner.RecordAuctionAsync(taskId,
                [new PersonaBidOutcome(personaId, keywords, 50, Won: true), new PersonaBidOutcome("rival", [], 60, Won: false)], Ct);
            if (succeeded is { } result)
            {
                Assert.True(await learner.RecordResultAsync(taskId, personaId, result, Ct));
            }
        }
    }
}
