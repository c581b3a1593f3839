using System.Text.RegularExpressions;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Tests.Swarm.Personas;

public sealed class PersonaCatalogTests
{
    public static TheoryData<string> EveryPersonaId => new(PersonaCatalog.All.Select(p => p.Id).Append(PersonaCatalog.Timmy.Id));

    [Fact]
    public void All_IsTheNineSpecialistsInOrder()
    {
        Assert.Equal(["echo", "mace", "helm", "seer", "forge", "quill", "pixel", "lyra", "reel"], PersonaCatalog.All.Select(p => p.Id));
        Assert.DoesNotContain(PersonaCatalog.Timmy, PersonaCatalog.All);
    }

    [Fact]
    public void Find_KnownIdsIncludingTimmy_ReturnsThePersona()
    {
        Assert.Same(PersonaCatalog.Timmy, PersonaCatalog.Find("timmy"));
        Assert.Same(PersonaCatalog.Forge, PersonaCatalog.Find("forge"));
        Assert.Null(PersonaCatalog.Find("nobody"));
    }

    [Fact]
    public void DefaultStarted_AreKnownSpecialists()
    {
        Assert.Equal(["echo", "forge", "seer"], PersonaCatalog.DefaultStarted);
        Assert.All(PersonaCatalog.DefaultStarted, id => Assert.Contains(PersonaCatalog.All, p => p.Id == id));
    }

    [Fact]
    public void Timmy_IsAGeneralistBiddingAboveEverySpecialistInItsSpeciality()
    {
        var timmy = PersonaCatalog.Timmy;
        Assert.True(timmy.IsGeneralist);
        Assert.Null(timmy.RequiredTool);
        Assert.All(PersonaCatalog.All, p =>
        {
            Assert.True(p.BidBaseSats + p.BidJitterSats < timmy.BidBaseSats - timmy.BidJitterSats, p.Id);
            Assert.True(p.BidBaseSats * 3 > timmy.BidBaseSats + timmy.BidJitterSats, p.Id); // Off its speciality it asks 3 × base or more.
        });
    }

    [Theory]
    [InlineData("pixel", "image_generation")]
    [InlineData("lyra", "music_generation")]
    [InlineData("reel", "video_generation")]
    [InlineData("echo", null)]
    [InlineData("forge", null)]
    public void RequiredTool_OnlyForTheMediaMakers(string id, string? tool)
    {
        Assert.Equal(tool, PersonaCatalog.Find(id)!.RequiredTool);
    }

    [Theory]
    [MemberData(nameof(EveryPersonaId))]
    public void Persona_IsWellFormed(string id)
    {
        var persona = PersonaCatalog.Find(id)!;

        Assert.Matches("^[a-z]+$", persona.Id);
        Assert.Equal(persona.Id, persona.Name.ToLowerInvariant());
        Assert.NotEmpty(persona.Role);
        Assert.NotEmpty(persona.Capabilities);
        Assert.InRange(persona.BidJitterSats, 5, 15);
        Assert.InRange(persona.RateSats, persona.BidBaseSats - persona.BidJitterSats, persona.BidBaseSats + persona.BidJitterSats);
        Assert.All(persona.Keywords, k => Assert.Equal(k.ToLowerInvariant(), k));
        Assert.Equal(persona.Keywords.Count, persona.Keywords.Distinct().Count());
        if (!persona.IsGeneralist)
        {
            Assert.InRange(persona.Keywords.Count, 10, 25);
            Assert.InRange(persona.BidBaseSats, 20, 80);
        }
    }

    [Theory]
    [MemberData(nameof(EveryPersonaId))]
    public void SystemPrompt_NamesThePersonaMarkdownAndItsTools(string id)
    {
        var prompt = PersonaCatalog.Find(id)!.SystemPrompt;

        Assert.StartsWith($"You are {PersonaCatalog.Find(id)!.Name},", prompt);
        Assert.Contains("Markdown", prompt);
        Assert.Contains("event log", prompt);
        Assert.Contains("sub-task", prompt);
        Assert.InRange(Regex.Matches(prompt, @"[.!?](\s|$)").Count, 4, 8);
    }

    [Fact]
    public void Keywords_EachSpecialistsFirstKeywordIsItsOwn()
    {
        foreach (var persona in PersonaCatalog.All)
        {
            var claimants = PersonaCatalog.All.Where(p => KeywordMatcher.Match(persona.Keywords[0], p.Keywords).Count > 0);
            Assert.Equal([persona.Id], claimants.Select(p => p.Id));
        }
    }
}
