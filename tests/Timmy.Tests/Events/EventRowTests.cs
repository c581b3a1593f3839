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

    [Fact]
    public async Task Render_LongData_IsClippedWithAShowAllControl_ShortDataIsNot()
    {
        var trace = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"at Step{i}()"));
        var longRow = Event() with { Data = JsonSerializer.SerializeToElement(new { message = "boom", stack = trace }) };

        var clipped = await ComponentHtml.RenderAsync<EventRow>(new Dictionary<string, object?> { ["Event"] = longRow, ["IsNew"] = false });
        var plain = await ComponentHtml.RenderAsync<EventRow>(new Dictionary<string, object?> { ["Event"] = Event(), ["IsNew"] = false });

        Assert.Contains("<div class=\"data-clip\">", clipped);
        Assert.Contains("Show all", clipped);
        Assert.Contains("at Step40()", clipped);
        Assert.DoesNotContain("data-clip", plain);
        Assert.DoesNotContain("Show all", plain);
    }

    internal static EventRecord Event() =>
        new(42, EventType.TaskCreated, "row-test", "t-9", null, JsonDocument.Parse("""{"bid_sats":7}""").RootElement,
            new DateTimeOffset(2026, 12, 5, 10, 11, 12, TimeSpan.Zero));
}
