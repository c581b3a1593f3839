using Timmy.Core.Swarm.Personas;

namespace Timmy.Tests.Swarm.Personas;

public sealed class KeywordMatcherTests
{
    [Fact]
    public void Match_WordInsideAnotherWord_DoesNotMatch()
    {
        Assert.Empty(KeywordMatcher.Match("Please decide which option is better", ["ci"]));
        Assert.Empty(KeywordMatcher.Match("The protest was peaceful", ["test"]));
    }

    [Theory]
    [InlineData("Fix the CI pipeline")]
    [InlineData("ci is red again")]
    [InlineData("why does ci/cd keep failing?")]
    [InlineData("(CI)")]
    public void Match_WholeWordAnyCase_Matches(string description)
    {
        Assert.Equal(["ci"], KeywordMatcher.Match(description, ["ci"]));
    }

    [Fact]
    public void Match_WordFollowedByPunctuation_Matches()
    {
        Assert.Equal(["tests"], KeywordMatcher.Match("Make it pass the tests.", ["tests", "test"]));
        Assert.Equal(["python"], KeywordMatcher.Match("Is this Python's fault?", ["python"]));
    }

    [Theory]
    [InlineData("Please fact check this claim")]
    [InlineData("Please fact-check this claim")]
    [InlineData("Please FACT  CHECK this claim")]
    public void Match_PhraseKeyword_MatchesAsPhrase(string description)
    {
        Assert.Equal(["fact check"], KeywordMatcher.Match(description, ["fact check"]));
    }

    [Fact]
    public void Match_PhraseWordsApartOrInsideWords_DoesNotMatch()
    {
        Assert.Empty(KeywordMatcher.Match("check the fact sheet", ["fact check"]));
        Assert.Empty(KeywordMatcher.Match("artifact checker", ["fact check"]));
    }

    [Theory]
    [InlineData("Port this to C#.", "c#")]
    [InlineData("a c# question", "c#")]
    [InlineData("Rewrite it in C++, please", "c++")]
    public void Match_KeywordEndingInSymbol_Matches(string description, string keyword)
    {
        Assert.Equal([keyword], KeywordMatcher.Match(description, [keyword]));
    }

    [Fact]
    public void Match_SymbolExtendsTheWord_SingleLetterDoesNotMatch()
    {
        Assert.Empty(KeywordMatcher.Match("Port this to C# and C++", ["c"]));
        Assert.Empty(KeywordMatcher.Match("c#x is not a language", ["c#"]));
    }

    [Fact]
    public void Match_SeveralKeywords_DistinctInKeywordOrder()
    {
        var matched = KeywordMatcher.Match("Tests fail: debug the bug, then rerun the tests and debug again",
            ["bug", "refactor", "debug", "tests", "Debug"]);

        Assert.Equal(["bug", "debug", "tests"], matched);
    }

    [Fact]
    public void Match_BlankKeywordOrDescription_MatchesNothing()
    {
        Assert.Empty(KeywordMatcher.Match("anything at all", ["", "  "]));
        Assert.Empty(KeywordMatcher.Match("", ["code"]));
    }

    [Fact]
    public void Match_RegexCharactersInKeyword_TakenLiterally()
    {
        Assert.Empty(KeywordMatcher.Match("version 1x2", ["1.2"]));
        Assert.Equal(["1.2"], KeywordMatcher.Match("version 1.2 broke", ["1.2"]));
    }
}
