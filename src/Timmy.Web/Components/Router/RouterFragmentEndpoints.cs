using Microsoft.AspNetCore.Http.HttpResults;
using Timmy.Core.Router;
using Timmy.Web.Components.Shared;

namespace Timmy.Web.Components.Router;

/// <summary><c>GET /router/fragments/status?range=&lt;the page's chart range&gt;</c>: the router page's live parts
/// (<see cref="RouterLiveFragment"/>: preferred provider, cards, history chart), read by the page's script on a provider event or its timer; the range keeps
/// the cards' forms posting back to the page as it is shown. See <see cref="FragmentGroup"/>.</summary>
public static class RouterFragmentEndpoints
{
    public static IEndpointRouteBuilder MapRouterFragments(this IEndpointRouteBuilder app)
    {
        app.MapFragmentGroup("/router/fragments").MapGet("/status", async (RouterService router, string? range, CancellationToken ct) =>
        {
            var model = await RouterStatusViewModel.LoadAsync(router, RouterChartRange.Parse(range), null, null, ct);
            return new RazorComponentResult<RouterLiveFragment>(new
            {
                model.Status,
                model.Chart,
                FormAction = RouterStatusViewModel.Url(model.Range),
            });
        });
        return app;
    }
}
