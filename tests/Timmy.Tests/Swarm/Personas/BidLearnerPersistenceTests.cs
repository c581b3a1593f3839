using Timmy.Core.Swarm.Personas;

namespace Timmy.Tests.Swarm.Personas;

public sealed class BidLearnerPersistenceTests : PersonaOutcomesDatabaseTests
{
    private BidLearner NewLearner(int window = BidLearner.DefaultWindow) =>
        new(new SqlitePersonaOutcomeStore(Reopen(), Time), window: window);

    [Fact]
    public async Task Restart_NewStoreAndLearnerOverTheSameFile_SameFactorsAndCounts()
    {
        var before = NewLearner();
        await LearnerHistory.WinAuctionsAsync(before, "forge", 4, succeeded: true, "debug");
        await LearnerHistory.WinAuctionsAsync(before, "forge", 2, succeeded: false, "python");
        await LearnerHistory.LoseAuctionsAsync(before, "forge", 9, "debug");
        await LearnerHistory.LoseAuctionsAsync(before, "echo", 6);

        var after = NewLearner();
        Assert.Equal(1.0, after.Factor("forge", ["debug"]));
        await after.LoadAsync(Ct);

        Assert.NotEqual(1.0, before.Factor("forge", ["debug"]));
        foreach (var keywords in new[] { ["debug"], ["python"], Array.Empty<string>() })
        {
            Assert.Equal(before.Factor("forge", keywords), after.Factor("forge", keywords));
        }
        Assert.Equal(before.Describe("forge"), after.Describe("forge"));
        Assert.Equal(before.Describe("echo"), after.Describe("echo"));
        Assert.Equal(0.65, after.Factor("echo", []));
    }

    [Fact]
    public async Task Restart_MoreHistoryThanTheWindow_LoadsTheSameWindow()
    {
        var before = NewLearner(window: 8);
        await LearnerHistory.WinAuctionsAsync(before, "seer", 6, succeeded: true, "chart");
        await LearnerHistory.LoseAuctionsAsync(before, "seer", 6, "chart");

        var after = NewLearner(window: 8);
        await after.LoadAsync(Ct);

        Assert.Equal(8, after.Describe("seer").Outcomes);
        Assert.Equal(before.Describe("seer"), after.Describe("seer"));
    }

    [Fact]
    public async Task ConcurrentAuctionsAndResults_AllRecorded()
    {
        var learner = NewLearner();
        const int tasks = 40;
        await Parallel.ForAsync(0, tasks, Ct, async (i, ct) =>
        {
            var winner = i % 2 == 0 ? "forge" : "echo";
            var loser = winner == "forge" ? "echo" : "forge";
            await learner.RecordAuctionAsync($"task-{i}",
                [new PersonaBidOutcome(winner, ["debug"], 60, Won: true), new PersonaBidOutcome(loser, [], 200, Won: false)], ct);
            _ = learner.Factor("forge", ["debug"]);
            Assert.True(await learner.RecordResultAsync($"task-{i}", winner, succeeded: i % 4 == 0, ct));
        });

        var forge = learner.Describe("forge");
        Assert.Equal((tasks, tasks / 2, tasks / 2, tasks / 4), (forge.Outcomes, forge.Wins, forge.Completed, forge.Succeeded));
        Assert.Equal(2L * tasks, await CountRowsAsync());
        var reloaded = NewLearner();
        await reloaded.LoadAsync(Ct);
        Assert.Equal(forge, reloaded.Describe("forge"));
        Assert.Equal(learner.Describe("echo"), reloaded.Describe("echo"));
    }
}
