using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Components.Events;

namespace Timmy.Tests.Events;

/// <summary>The fragments the event pages' scripts read: each top-level part names where it goes (data-swap).</summary>
public sealed class LiveFragmentsTests
{
    [Fact]
    public async Task EventRowsFragment_WithRows_PrependsThem_ReplacesTheCountLine_AndDropsTheEmptyNote()
    {
        var html = await ComponentHtml.RenderAsync<EventRowsFragment>(new Dictionary<string, object?>
        {
            ["Events"] = new[] { EventRowTests.Event() }, ["CountText"] = "1 event (#42)", ["HasMore"] = true,
        });

        Assert.StartsWith("<tbody data-swap=\"events-rows\" data-swap-mode=\"prepend\"><tr data-event-id=\"42\" class=\"new-row\">", html);
        Assert.Contains("<span data-swap=\"event-count\" data-event-count>1 event (#42)</span>", html);
        Assert.Contains("<div data-swap=\"events-empty\" hidden></div>", html);
        Assert.Contains("<span data-more></span>", html);
    }

    [Fact]
    public async Task EventRowsFragment_NoRows_LeavesTheEmptyNote()
    {
        var html = await ComponentHtml.RenderAsync<EventRowsFragment>(new Dictionary<string, object?>
        {
            ["Events"] = Array.Empty<EventRecord>(), ["CountText"] = "0 events",
        });

        Assert.DoesNotContain("events-empty", html);
        Assert.DoesNotContain("data-more", html);
    }

    [Fact]
    public async Task ActivityItemsFragment_WithItems_PrependsThem_AndHidesTheEmptyNote()
    {
        var html = await ComponentHtml.RenderAsync<ActivityItemsFragment>(new Dictionary<string, object?> { ["Events"] = new[] { EventRowTests.Event() } });

        Assert.StartsWith("<ol data-swap=\"activity-items\" data-swap-mode=\"prepend\"><li class=\"activity-item\" data-event-id=\"42\"", html);
        Assert.Contains("<p data-swap=\"activity-empty\" hidden></p>", html);
        Assert.DoesNotContain("data-more", html);
    }

    [Fact]
    public async Task SummaryCards_AsFragment_ReplacesThePagesCards_WithoutItsScript()
    {
        var html = await ComponentHtml.RenderAsync<SummaryCards>(new Dictionary<string, object?>
        {
            ["Counts"] = new[] { new EventTypeCount(EventType.TaskFailed, 3) }, ["IsFragment"] = true,
        });

        Assert.StartsWith("<div class=\"summary-cards\" data-summary-cards data-swap=\"summary-cards\">", html);
        Assert.DoesNotContain("<script", html);
    }
}
