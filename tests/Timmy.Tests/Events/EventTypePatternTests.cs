using Timmy.Core.Events;

namespace Timmy.Tests.Events;

public sealed class EventTypePatternTests
{
    [Theory]
    [InlineData("task.*", "task.created", true)]
    [InlineData("task.*", "tasks.created", false)]
    [InlineData("agent.joined", "agent.joined", true)]
    [InlineData("agent.joined", "agent.left", false)]
    [InlineData("*", "system.info", true)]
    public void Matches_ExactPrefixAndAll(string pattern, string type, bool expected)
    {
        Assert.True(EventTypePattern.TryParse(pattern, out var parsed, out _));
        Assert.Equal(expected, parsed.Matches(type));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Task.Created")]
    [InlineData("task")]
    [InlineData("task.*.x")]
    [InlineData("'; DROP TABLE event_log; --")]
    public void TryParse_Malformed_FailsWithMessage(string text)
    {
        Assert.False(EventTypePattern.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
