using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Components.Events;

namespace Timmy.Tests.Events;

public sealed class EventRowTests
{
    [Fact]
    public async Task Render_AnEvent_IsOneRowWithItsIdLinksAndData()
    {
        var html = await ComponentHtml.RenderAsync<EventRow>(new Dictionary<string, object?> { ["Event"] = Event(), ["IsNew"] = false });

        Assert.StartsWith("<tr data-event-id=\"42\">", html);
        Assert.Contains("<a href=\"/swarm/events?task_id=t-9\" title=\"t-9\">t-9</a>", html);
        Assert.Contains("bid_sats", html);
        Assert.DoesNotContain("new-row", html);
    }

    [Fact]
    public async Task Render_ArrivedLive_IsHighlighted()
    {
        var html = await ComponentHtml.RenderAsync<EventRow>(new Dictionary<string, object?> { ["Event"] = Event(), ["IsNew"] = true });

        Assert.StartsWith("<tr data-event-id=\"42\" class=\"new-row\">", html);
    }

    internal static EventRecord Event() =>
        new(42, EventType.TaskCreated, "row-test", "t-9", null, JsonDocument.Parse("""{"bid_sats":7}""").RootElement,
            new DateTimeOffset(2026, 12, 5, 10, 11, 12, TimeSpan.Zero));
}
