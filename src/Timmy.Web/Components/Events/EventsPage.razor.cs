using Microsoft.AspNetCore.Components;
using Timmy.Core.Events;
using Timmy.Web.Api.Events;

namespace Timmy.Web.Components.Events;

public partial class EventsPage
{
    [Inject] private EventReader Events { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    private EventsViewModel Model { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var (query, errors) = EventQueryParser.Parse(HttpContext.Request.Query);
        // Bad filters are reported and nothing is shown: neither half-applied filters nor the unfiltered log,
        // which a reader could take for the filtered one.
        var effective = errors.Count == 0 ? query : new EventQuery();
        var page = errors.Count == 0 ? await Events.QueryAsync(effective, HttpContext.RequestAborted) : new EventPage([], null, null);
        var summary = await Events.CountRecentAsync(TimeSpan.FromHours(1), HttpContext.RequestAborted);
        Model = EventsViewModel.Create(HttpContext.Request.Query, effective, page, summary, errors);
    }
}
