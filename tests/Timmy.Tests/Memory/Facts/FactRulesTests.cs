using Timmy.Core.Memory.Facts;

namespace Timmy.Tests.Memory.Facts;

public sealed class FactRulesTests
{
    public static TheoryData<string, string, string?> Statements => new()
    {
        { "my name is Alex", "The owner's name is Alex.", "name" },
        { "My name is Alex Smith.", "The owner's name is Alex Smith.", "name" },
        { "Hi Timmy, my name is alex", "The owner's name is Alex.", "name" },
        { "My name's Maria, nice to meet you!", "The owner's name is Maria.", "name" },
        { "I'm Alex", "The owner's name is Alex.", "name" },
        { "Hello! I am Joana, by the way.", "The owner's name is Joana.", "name" },
        { "call me Sam", "The owner wants to be called Sam.", "name" },
        { "You can call me Sam, please.", "The owner wants to be called Sam.", "name" },
        { "I prefer dark roast coffee", "The owner prefers dark roast coffee.", null },
        { "I really like Italian food.", "The owner really likes Italian food.", null },
        { "I love hiking with my dog", "The owner loves hiking with their dog.", null },
        { "I hate cilantro", "The owner hates cilantro.", null },
        { "I don't eat meat.", "The owner does not eat meat.", null },
        { "I live in Lisbon", "The owner lives in Lisbon.", "location" },
        { "I'm based in the Netherlands.", "The owner lives in the Netherlands.", "location" },
        { "I just moved to Porto!", "The owner lives in Porto.", "location" },
        { "I'm from Brazil", "The owner is from Brazil.", null },
        { "I work as a nurse", "The owner works as a nurse.", "occupation" },
        { "I'm a software engineer.", "The owner is a software engineer.", "occupation" },
        { "I am an experienced teacher", "The owner is an experienced teacher.", "occupation" },
        { "My job is accounting.", "The owner's occupation is accounting.", "occupation" },
        { "my birthday is 3 May", "The owner's birthday is 3 May.", "birthday" },
        { "My birthday is on March 14th", "The owner's birthday is March 14th.", "birthday" },
        { "I was born on 1990-05-03.", "The owner was born on 1990-05-03.", "birthday" },
        { "I'm allergic to peanuts", "The owner is allergic to peanuts.", null },
        { "I am severely allergic to shellfish and penicillin.", "The owner is allergic to shellfish and penicillin.", null },
        { "I'm vegetarian", "The owner is vegetarian.", null },
        { "I'm a vegan.", "The owner is vegan.", null },
        { "I'm 34 years old", "The owner is 34 years old.", null },
        { "My timezone is CET", "The owner's time zone is CET.", "timezone" },
        { "I'm in the Pacific time zone.", "The owner's time zone is Pacific.", "timezone" },
        { "My pronouns are she/her", "The owner's pronouns are she/her.", "pronouns" },
        { "I go by they/them", "The owner's pronouns are they/them.", "pronouns" },
        { "My favourite colour is green.", "The owner's favourite colour is green.", null },
        { "I have two cats named Mia and Leo", "The owner has two cats named Mia and Leo.", null },
        { "I speak Portuguese and English.", "The owner speaks Portuguese and English.", null },
        { "FYI I’m allergic to cats", "The owner is allergic to cats.", null },
        { "Call me Ishmael.", "The owner wants to be called Ishmael.", "name" },
        { "I like to read.", "The owner likes to read.", null },
    };

    public static TheoryData<string> NotStatements => new()
    {
        "I'm tired",
        "I'm Tired",
        "I'm sure",
        "I'm going to the shop",
        "I'm Going to the shop",
        "I am not sure what my name should be",
        "what is my name?",
        "What is my name",
        "Do you know where I live?",
        "if my name were Bob",
        "If I lived in Paris I would be happy.",
        "my name is not Bob",
        "I don't live in Lisbon",
        "I'm not a nurse",
        "My friend's name is Sam",
        "my friend lives in Lisbon",
        "My wife prefers tea.",
        "He said \"my name is Bob\"",
        "My sister says I live in Paris.",
        "She told me her name is Ana",
        "I think my name is Alex",
        "Maybe I prefer tea",
        "I would love to live in Rome",
        "I'd like a coffee",
        "I like it",
        "I love you, Timmy",
        "I like that idea",
        "I'm fine, thanks",
        "I'm Happy to help",
        "I'm back",
        "I'm English",
        "Call me later",
        "call me when you are done",
        "I'm a bit tired",
        "I'm a big fan of jazz",
        "I'm a former nurse",
        "my birthday is tomorrow",
        "I live in fear",
        "I used to live in Paris",
        "My name is a secret",
        "Hello",
        "Thanks!",
        "Imagine my name is Bob",
        "I'm Alex's friend",
        "Can you call me Sam?",
        "I'm Starving",
        "I'm OK",
        "I'm a mother of two",
        "I'm in Lisbon this week",
        "I love it when you do that",
        "I like to think I'm funny",
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Extract_FirstPersonStatement_YieldsThirdPersonFact(string message, string text, string? key)
    {
        var facts = FactRules.Extract(message);

        Assert.Equal([new StatedFact(text, key)], facts);
    }

    [Theory]
    [MemberData(nameof(NotStatements))]
    public void Extract_NotAClearStatement_YieldsNothing(string message)
    {
        Assert.Empty(FactRules.Extract(message));
    }

    [Fact]
    public void Extract_SeveralClauses_YieldsEachFact()
    {
        var facts = FactRules.Extract("Hi, I'm Alex, I live in Lisbon and I work as a nurse. What's the weather like?");

        Assert.Equal(
            [
                new StatedFact("The owner's name is Alex.", "name"),
                new StatedFact("The owner lives in Lisbon.", "location"),
                new StatedFact("The owner works as a nurse.", "occupation"),
            ],
            facts);
    }

    [Fact]
    public void Extract_SameKeyTwice_KeepsTheLater()
    {
        var facts = FactRules.Extract("I live in Lisbon. Actually, I live in Porto now.");

        Assert.Equal([new StatedFact("The owner lives in Porto now.", "location")], facts);
    }

    [Fact]
    public void Extract_RepeatedFact_IsKeptOnce()
    {
        Assert.Single(FactRules.Extract("I love tea! I love tea."));
    }
}
