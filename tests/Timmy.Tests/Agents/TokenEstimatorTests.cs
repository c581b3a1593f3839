using Microsoft.Extensions.AI;
using Timmy.Core.Agents;

namespace Timmy.Tests.Agents;

public sealed class TokenEstimatorTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    [InlineData("abcdefgh", 2)]
    public void Estimate_Text_IsCharactersOverFourRoundedUp(string text, int tokens)
    {
        Assert.Equal(tokens, TokenEstimator.Estimate(text));
    }

    [Fact]
    public void Estimate_NeverDecreasesAsTextGrows()
    {
        var previous = 0;
        for (var length = 0; length <= 200; length++)
        {
            var estimate = TokenEstimator.Estimate(new string('x', length));
            Assert.True(estimate >= previous, $"{length} chars gave {estimate} < {previous}");
            previous = estimate;
        }
        Assert.Equal(50, previous);
    }

    [Fact]
    public void Estimate_Message_AddsTheRoleOverhead()
    {
        var message = new ChatMessage(ChatRole.User, "abcdefgh");

        Assert.Equal(2 + TokenEstimator.PerMessageOverhead, TokenEstimator.Estimate(message));
    }
}
