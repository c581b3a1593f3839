using Timmy.Core.Swarm.Personas;

namespace Timmy.Tests.Swarm.Personas;

public sealed class PersonaBidderTests
{
    private const string OffTopic = "Say hello to the owner and wish them a good morning.";
    private static readonly IReadOnlySet<string> NoTools = new HashSet<string>();
    private static readonly IReadOnlySet<string> AllTools = new HashSet<string> { "image_generation", "music_generation", "video_generation" };

    public static TheoryData<string> SpecialistIds => new(PersonaCatalog.All.Select(p => p.Id));

    private static PersonaBidder Bidder(Func<int, int, int>? random = null) =>
        new(new BidLearner(new InMemoryPersonaOutcomeStore()), random);

    private static PersonaBidder HighestJitter => Bidder((_, max) => max);

    [Theory]
    [MemberData(nameof(SpecialistIds))]
    public void Decide_InSpeciality_BidsWithinBasePlusOrMinusJitter(string id)
    {
        var persona = PersonaCatalog.Find(id)!;
        var bidder = Bidder();
        var description = $"I need help with {persona.Keywords[0]} and {persona.Keywords[1]} for my project.";

        for (var i = 0; i < 50; i++)
        {
            var decision = bidder.Decide(persona, description, 10_000, AllTools);

            Assert.InRange(decision.AmountSats!.Value, persona.BidBaseSats - persona.BidJitterSats, persona.BidBaseSats + persona.BidJitterSats);
            Assert.Equal([persona.Keywords[0], persona.Keywords[1]], decision.MatchedKeywords);
            Assert.Equal($"speciality: matched {persona.Keywords[0]}, {persona.Keywords[1]}", decision.Reason);
            Assert.Equal(1.0, decision.LearnedFactor);
        }
    }

    [Theory]
    [MemberData(nameof(SpecialistIds))]
    public void Decide_OffSpeciality_BidsAtLeastThreeTimesBaseAndAboveTimmy(string id)
    {
        var persona = PersonaCatalog.Find(id)!;
        var timmy = PersonaCatalog.Timmy;
        var bidder = Bidder();

        for (var i = 0; i < 50; i++)
        {
            var decision = bidder.Decide(persona, OffTopic, 10_000, NoTools);

            Assert.Equal("off-speciality", decision.Reason);
            Assert.Empty(decision.MatchedKeywords);
            Assert.InRange(decision.AmountSats!.Value, persona.BidBaseSats * 3, persona.BidBaseSats * 3 + persona.BidJitterSats);
            Assert.True(decision.AmountSats > timmy.BidBaseSats + timmy.BidJitterSats);
        }
    }

    [Theory]
    [InlineData(OffTopic)]
    [InlineData("Debug the failing tests and draw a logo")]
    public void Decide_Timmy_BidsBasePlusOrMinusJitterOnAnything(string description)
    {
        var timmy = PersonaCatalog.Timmy;
        var low = Bidder((min, _) => min).Decide(timmy, description, 10_000, NoTools);
        var high = HighestJitter.Decide(timmy, description, 10_000, NoTools);

        Assert.Equal(timmy.BidBaseSats - timmy.BidJitterSats, low.AmountSats);
        Assert.Equal(timmy.BidBaseSats + timmy.BidJitterSats, high.AmountSats);
        Assert.Equal("generalist", high.Reason);
        Assert.Empty(high.MatchedKeywords);
    }

    [Fact]
    public void Decide_PixelWithoutImageTool_Declines()
    {
        var decision = Bidder().Decide(PersonaCatalog.Pixel, "Draw a logo for the project", 10_000, NoTools);

        Assert.True(decision.Declined);
        Assert.Null(decision.AmountSats);
        Assert.Equal("declined: needs image_generation, which is not available", decision.Reason);
        Assert.Equal(["draw", "logo"], decision.MatchedKeywords);
    }

    [Fact]
    public void Decide_PixelWithImageTool_Bids()
    {
        var pixel = PersonaCatalog.Pixel;

        var decision = HighestJitter.Decide(pixel, "Draw a logo for the project", 10_000, new HashSet<string> { "image_generation" });

        Assert.Equal(pixel.BidBaseSats + pixel.BidJitterSats, decision.AmountSats);
        Assert.Equal("speciality: matched draw, logo", decision.Reason);
    }

    [Fact]
    public void Decide_PixelOffSpecialityWithoutImageTool_StillBids()
    {
        var decision = Bidder().Decide(PersonaCatalog.Pixel, OffTopic, 10_000, NoTools);

        Assert.False(decision.Declined);
        Assert.Equal("off-speciality", decision.Reason);
    }

    [Fact]
    public void Decide_OverMaxButFloorFits_BidsTheMax()
    {
        var forge = PersonaCatalog.Forge; // 75 ± 15: bids 90 at the highest jitter.

        var decision = HighestJitter.Decide(forge, "debug this", 80, NoTools);

        Assert.Equal(80, decision.AmountSats);
        Assert.Equal("speciality: matched debug; capped at the task's max 80 sats", decision.Reason);
    }

    [Fact]
    public void Decide_FloorExactlyAtMax_BidsTheMax()
    {
        Assert.Equal(75, HighestJitter.Decide(PersonaCatalog.Forge, "debug this", 75, NoTools).AmountSats);
    }

    [Fact]
    public void Decide_FloorOverMax_Declines()
    {
        var decision = HighestJitter.Decide(PersonaCatalog.Forge, "debug this", 74, NoTools);

        Assert.True(decision.Declined);
        Assert.Equal("declined: its bid 90 sats is over the task's max 74", decision.Reason);
    }

    [Fact]
    public void Decide_OffSpecialityOverMax_UsesTheOffSpecialityFloor()
    {
        var forge = PersonaCatalog.Forge; // off-speciality floor 225.

        Assert.Equal(230, HighestJitter.Decide(forge, OffTopic, 230, NoTools).AmountSats);
        Assert.Equal("declined: its bid 240 sats is over the task's max 224",
            HighestJitter.Decide(forge, OffTopic, 224, NoTools).Reason);
    }

    [Fact]
    public void Decide_UnderMax_KeepsItsOwnBid()
    {
        Assert.Equal(60, Bidder((min, _) => min).Decide(PersonaCatalog.Forge, "debug this", 80, NoTools).AmountSats);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Decide_MaxBelowOneSat_Throws(long max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bidder().Decide(PersonaCatalog.Forge, "debug", max, NoTools));
    }

    [Fact]
    public void Decide_TinyPersona_NeverBidsBelowOneSat()
    {
        var tiny = PersonaCatalog.Forge with { BidBaseSats = 1, BidJitterSats = 5 };

        var decision = Bidder((min, _) => min).Decide(tiny, "debug", 100, NoTools);

        Assert.Equal(1, decision.AmountSats);
    }

    [Fact]
    public async Task Decide_AfterLearning_MultipliesByTheFactorAndRounds()
    {
        var learner = new BidLearner(new InMemoryPersonaOutcomeStore());
        await LearnerHistory.LoseAuctionsAsync(learner, "forge", 10); // No wins at all: factor 0.65.
        var bidder = new PersonaBidder(learner, (_, _) => 0);

        var decision = bidder.Decide(PersonaCatalog.Forge, "debug this", 10_000, NoTools);

        Assert.Equal(0.65, decision.LearnedFactor);
        Assert.Equal(49, decision.AmountSats); // 75 × 0.65 = 48.75
    }
}
