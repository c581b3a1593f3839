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
}
