using Timmy.Core.Swarm.Tasks;
using Timmy.Web.Components.Swarm;

namespace Timmy.Tests.Swarm.Pages;

public sealed class TaskListFiltersTests
{
    [Fact]
    public void ToQuery_Open_AsksForEveryUnfinishedState()
    {
        var (query, errors) = TaskListFilters.From("open", " forge ", "report", null).ToQuery();

        Assert.Empty(errors);
        Assert.Equal([SwarmTaskStatus.Pending, SwarmTaskStatus.Bidding, SwarmTaskStatus.Assigned, SwarmTaskStatus.Running], query.Statuses);
        Assert.Equal(("forge", "report", TaskListFilters.PageSize), (query.AgentId, query.Text, query.Limit));
    }

    [Fact]
    public void ToQuery_UnknownStatusAndLongText_AreErrorsNamingThem()
    {
        var (_, errors) = TaskListFilters.From("done", null, new string('x', 201), null).ToQuery();

        Assert.Equal(2, errors.Count);
        Assert.Contains("'done' is not a task status", errors[0]);
        Assert.Contains("at most 200", errors[1]);
    }

    [Fact]
    public void Url_KeepsTheFiltersAndTakesTheCursor() =>
        Assert.Equal("/swarm/tasks?status=failed&q=a%20b&before=abc", TaskListFilters.From("failed", "", "a b", "old").Url("abc"));

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(12.2, "13 s")]
    [InlineData(65, "1 min 05 s")]
    public void Countdown_SaysTheSecondsLeftAsTheScriptDoes(double seconds, string expected) =>
        Assert.Equal(expected, SwarmFormat.Countdown(seconds));

    [Fact]
    public void PlainText_DropsMarkdownMarks_AndCuts() =>
        Assert.Equal("Findings The parser drops a…", SwarmFormat.PlainText("## Findings\n\nThe **parser** drops a token.", 28));
}
