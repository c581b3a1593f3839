using Timmy.Core.Swarm.Personas;

namespace Timmy.Tests.Swarm.Personas;

public sealed class BidLearnerTests
{
    private readonly BidLearner _learner = new(new InMemoryPersonaOutcomeStore(), minOutcomes: 5);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Factor_UnknownPersona_IsOne()
    {
        Assert.Equal(1.0, _learner.Factor("forge", ["debug"]));
    }

    [Fact]
    public async Task Factor_BelowMinOutcomes_IsOne()
    {
        await LearnerHistory.LoseAuctionsAsync(_learner, "forge", 4);

        Assert.Equal(1.0, _learner.Factor("forge", []));
        Assert.False(_learner.Describe("forge").IsLearning);
    }

    [Fact]
    public async Task Factor_NeverWinning_BidsLower()
    {
        await LearnerHistory.LoseAuctionsAsync(_learner, "forge", 10);

        Assert.Equal(0.65, _learner.Factor("forge", []));
    }

    [Fact]
    public async Task Factor_AlwaysWinning_BidsALittleHigher()
    {
        await LearnerHistory.WinAuctionsAsync(_learner, "forge", 10, succeeded: null);

        Assert.Equal(1.15, _learner.Factor("forge", []));
    }

    [Fact]
    public async Task Factor_WinningAtTheTargetRate_IsOne()
    {
        await LearnerHistory.WinAuctionsAsync(_learner, "forge", 3, succeeded: null);
        await LearnerHistory.LoseAuctionsAsync(_learner, "forge", 9);

        Assert.Equal(1.0, _learner.Factor("forge", []));
    }

    [Fact]
    public async Task Factor_SucceedingAtMatchingTasks_BidsLowerForThoseKeywordsOnly()
    {
        await LearnerHistory.WinAuctionsAsync(_learner, "forge", 4, succeeded: true, "debug", "tests");
        await LearnerHistory.LoseAuctionsAsync(_learner, "forge", 12, "python");

        Assert.Equal(0.85, _learner.Factor("forge", ["debug"]));
        Assert.Equal(0.85, _learner.Factor("forge", []));
        Assert.Equal(1.0, _learner.Factor("forge", ["python"]));
    }

    [Fact]
    public async Task Factor_FailingAtMatchingTasks_BacksOff()
    {
        await LearnerHistory.WinAuctionsAsync(_learner, "forge", 4, succeeded: false, "debug");
        await LearnerHistory.LoseAuctionsAsync(_learner, "forge", 12);

        Assert.Equal(1.3, _learner.Factor("forge", ["debug"]));
    }

    [Fact]
    public async Task Factor_TooFewResults_IgnoresSuccess()
    {
        await LearnerHistory.WinAuctionsAsync(_learner, "forge", 2, succeeded: false, "debug");
        await LearnerHistory.WinAuctionsAsync(_learner, "forge", 1, succeeded: null, "debug");
        await LearnerHistory.LoseAuctionsAsync(_learner, "forge", 9);

        Assert.Equal(1.0, _learner.Factor("forge", ["debug"]));
    }

    [Fact]
    public void Rule_ExtremeHistory_StaysWithinBounds()
    {
        var won = Enumerable.Range(0, 3).Select(i => Outcome($"w{i}", won: true, succeeded: true));
        var lost = Enumerable.Range(0, 197).Select(i => Outcome($"l{i}", won: false, succeeded: null));

        Assert.Equal(BidFactorRule.MinFactor, BidFactorRule.Compute(won.Concat(lost).ToList(), [], 5));
        var failing = Enumerable.Range(0, 20).Select(i => Outcome($"f{i}", won: true, succeeded: false)).ToList();
        Assert.InRange(BidFactorRule.Compute(failing, [], 5), 1.4, BidFactorRule.MaxFactor);
    }

    [Fact]
    public async Task Describe_CountsWinsAndResults()
    {
        await LearnerHistory.WinAuctionsAsync(_learner, "echo", 3, succeeded: true);
        await LearnerHistory.WinAuctionsAsync(_learner, "echo", 1, succeeded: false);
        await LearnerHistory.WinAuctionsAsync(_learner, "echo", 1, succeeded: null);
        await LearnerHistory.LoseAuctionsAsync(_learner, "echo", 5);

        var learning = _learner.Describe("echo");

        Assert.Equal(new PersonaLearning("echo", 10, 5, 0.5, 4, 3, 0.75, _learner.Factor("echo", []), 5), learning);
        Assert.True(learning.IsLearning);
        Assert.Equal(5, _learner.Describe("rival").Outcomes);
    }

    [Fact]
    public void Describe_UnknownPersona_IsEmpty()
    {
        Assert.Equal(new PersonaLearning("mace", 0, 0, 0, 0, 0, 0, 1.0, 5), _learner.Describe("mace"));
    }

    [Fact]
    public async Task RecordResult_PersonaThatLost_IsRefusedAndLearnsNothing()
    {
        await _learner.RecordAuctionAsync("t1", [new PersonaBidOutcome("forge", [], 50, Won: false)], Ct);

        Assert.False(await _learner.RecordResultAsync("t1", "forge", succeeded: true, Ct));
        Assert.Equal(0, _learner.Describe("forge").Completed);
    }

    [Fact]
    public async Task Window_KeepsOnlyTheMostRecentOutcomes()
    {
        var learner = new BidLearner(new InMemoryPersonaOutcomeStore(), minOutcomes: 5, window: 10);
        await LearnerHistory.WinAuctionsAsync(learner, "forge", 5, succeeded: null);
        await LearnerHistory.LoseAuctionsAsync(learner, "forge", 10);

        var learning = learner.Describe("forge");

        Assert.Equal(10, learning.Outcomes);
        Assert.Equal(0, learning.Wins);
        Assert.Equal(0.65, learning.Factor);
    }

    [Theory]
    [InlineData(0, 200)]
    [InlineData(5, 0)]
    public void Constructor_NonPositiveLimits_Throw(int minOutcomes, int window)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BidLearner(new InMemoryPersonaOutcomeStore(), minOutcomes, window));
    }

    private static PersonaOutcome Outcome(string taskId, bool won, bool? succeeded) =>
        new("forge", taskId, [], 50, won, succeeded, DateTimeOffset.UnixEpoch);
}
