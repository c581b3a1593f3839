using Microsoft.AspNetCore.Http.HttpResults;
using Timmy.Core.Router;
using Timmy.Web.Components.Shared;

namespace Timmy.Web.Components.Router;

/// <summary><c>GET /router/fragments/status</c>: the router page's live texts (<see cref="RouterLiveFragment"/>),
/// read by the page's script on a provider event or its timer. See <see cref="FragmentGroup"/>.</summary>
public static class RouterFragmentEndpoints
{
    public static IEndpointRouteBuilder MapRouterFragments(this IEndpointRouteBuilder app)
    {
        app.MapFragmentGroup("/router/fragments").MapGet("/status", (RouterService router) =>
            new RazorComponentResult<RouterLiveFragment>(new { Status = router.GetStatus() }));
        return app;
    }
}
