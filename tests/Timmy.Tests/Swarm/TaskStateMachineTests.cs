using Timmy.Core.Swarm.Tasks;

namespace Timmy.Tests.Swarm;

public sealed class TaskStateMachineTests
{
    [Theory]
    [InlineData("pending", "bidding")]
    [InlineData("bidding", "assigned")]
    [InlineData("assigned", "running")]
    [InlineData("running", "completed")]
    [InlineData("running", "failed")]
    [InlineData("bidding", "failed")]
    [InlineData("pending", "cancelled")]
    [InlineData("bidding", "cancelled")]
    [InlineData("assigned", "cancelled")]
    [InlineData("running", "cancelled")]
    public void AllowedMoves(string from, string to) => Assert.True(TaskStateMachine.CanMove(from, to));

    [Theory]
    [InlineData("pending", "running")]
    [InlineData("bidding", "completed")]
    [InlineData("assigned", "completed")]
    [InlineData("completed", "failed")]
    [InlineData("completed", "cancelled")]
    [InlineData("failed", "bidding")]
    [InlineData("cancelled", "running")]
    [InlineData("running", "bidding")]
    [InlineData("running", "running")]
    public void IllegalMoves_AreRefused_NamingBothStates(string from, string to)
    {
        Assert.False(TaskStateMachine.CanMove(from, to));
        var refused = Assert.Throws<IllegalTaskTransitionException>(() => TaskStateMachine.EnsureCanMove("t1", from, to));
        Assert.Contains($"is {from}", refused.Message);
        Assert.Contains($"cannot become {to}", refused.Message);
    }

    [Fact]
    public void FinalStates_AreLeftByNothing_AndSuggestARepost()
    {
        foreach (var final in new[] { SwarmTaskStatus.Completed, SwarmTaskStatus.Failed, SwarmTaskStatus.Cancelled })
        {
            Assert.True(SwarmTaskStatus.IsFinal(final));
            Assert.All(SwarmTaskStatus.All, to => Assert.False(TaskStateMachine.CanMove(final, to)));
        }
        Assert.Contains("re-post", new IllegalTaskTransitionException("t1", "failed", "running").Message);
    }

    [Fact]
    public void SourcesOf_ListsExactlyTheStatesAMoveIsAllowedFrom()
    {
        Assert.Equal(["assigned"], TaskStateMachine.SourcesOf(SwarmTaskStatus.Running));
        Assert.Equal(["pending", "bidding", "assigned", "running"], TaskStateMachine.SourcesOf(SwarmTaskStatus.Cancelled));
        Assert.Empty(TaskStateMachine.SourcesOf(SwarmTaskStatus.Pending));
    }
}
