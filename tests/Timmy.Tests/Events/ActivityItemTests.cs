using Timmy.Tests.Infrastructure;
using Timmy.Web.Components.Events;

namespace Timmy.Tests.Events;

public sealed class ActivityItemTests
{
    [Fact]
    public async Task Render_AnEvent_ShowsLabelUtcTimeDescriptionAndSource()
    {
        var html = await ComponentHtml.RenderAsync<ActivityItem>(new Dictionary<string, object?> { ["Event"] = EventRowTests.Event() });

        Assert.StartsWith("<li class=\"activity-item\" data-event-id=\"42\" data-event-type=\"task.created\">", html);
        Assert.Contains("<strong class=\"activity-label\">Task created</strong>", html);
        Assert.Contains(">10:11:12 UTC</time>", html);
        Assert.Contains("<span class=\"activity-source\">row-test</span>", html);
    }
}
