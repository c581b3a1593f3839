using Microsoft.Extensions.AI;
using Timmy.Core.Agents;

namespace Timmy.Tests.Agents;

public sealed class ContextTrimmerTests
{
    /// <summary>40 characters: 10 tokens of text plus the per-message overhead.</summary>
    private const int TurnCost = 10 + TokenEstimator.PerMessageOverhead;

    private static readonly ChatMessage System = new(ChatRole.System, "sys");
    private static readonly int SystemCost = TokenEstimator.Estimate(System);

    private static ChatMessage Turn(ChatRole role, char tag) => new(role, new string(tag, 40));

    /// <summary>Five turns, oldest first: question a, answer b, question c, answer d, question e.</summary>
    private static readonly IReadOnlyList<ChatMessage> History =
    [
        Turn(ChatRole.User, 'a'), Turn(ChatRole.Assistant, 'b'), Turn(ChatRole.User, 'c'), Turn(ChatRole.Assistant, 'd'), Turn(ChatRole.User, 'e'),
    ];

    private static string Tags(IReadOnlyList<ChatMessage> kept) => string.Concat(kept.Skip(1).Select(m => m.Text[0]));

    [Fact]
    public void Trim_EverythingFits_KeepsSystemThenEveryTurn()
    {
        var kept = ContextTrimmer.Trim(System, History, SystemCost + 5 * TurnCost);

        Assert.Same(System, kept[0]);
        Assert.Equal("abcde", Tags(kept));
    }

    [Fact]
    public void Trim_OverBudget_DropsOldestTurnsFirst()
    {
        var kept = ContextTrimmer.Trim(System, History, SystemCost + 3 * TurnCost);

        Assert.Same(System, kept[0]);
        Assert.Equal("cde", Tags(kept));
    }

    [Fact]
    public void Trim_CutWouldOpenWithAnAnswer_DropsThatAnswerToo()
    {
        var kept = ContextTrimmer.Trim(System, History, SystemCost + 2 * TurnCost);

        Assert.Equal("e", Tags(kept));
        Assert.Equal(ChatRole.User, kept[1].Role);
    }

    [Fact]
    public void Trim_BudgetTooSmallForAnything_StillKeepsSystemAndNewestMessage()
    {
        var kept = ContextTrimmer.Trim(System, History, 0);

        Assert.Equal(2, kept.Count);
        Assert.Same(System, kept[0]);
        Assert.Same(History[^1], kept[1]);
    }

    [Fact]
    public void Trim_KeptTurnsFitTheBudget_WheneverMoreThanTheNewestIsKept()
    {
        for (var budget = 0; budget <= SystemCost + 6 * TurnCost; budget++)
        {
            var kept = ContextTrimmer.Trim(System, History, budget);

            if (kept.Count > 2)
            {
                Assert.True(kept.Sum(TokenEstimator.Estimate) <= budget, $"budget {budget}: {Tags(kept)}");
            }
            Assert.Equal(ChatRole.User, kept[1].Role);
            Assert.EndsWith(Tags(kept), "abcde");
        }
    }

    [Fact]
    public void Trim_EmptyHistory_ReturnsOnlySystem()
    {
        Assert.Equal([System], ContextTrimmer.Trim(System, [], 100));
    }
}
