using Microsoft.AspNetCore.Http.HttpResults;
using Timmy.Web.Components.Shared;
using NotFound = Microsoft.AspNetCore.Http.HttpResults.NotFound;

namespace Timmy.Web.Components.Swarm;

/// <summary>The swarm pages' live parts as server-rendered fragments (docs/decisions.md), read by each page's script
/// when the feed says something changed, drawn by the pages' own components: the control room's auctions, recent tasks
/// and agents; a task's body; the marketplace's cards; Home's swarm card. See <see cref="FragmentGroup"/>.</summary>
public static class SwarmFragmentEndpoints
{
    public static IServiceCollection AddSwarmPages(this IServiceCollection services) => services.AddScoped<SwarmViews>();

    public static IEndpointRouteBuilder MapSwarmFragments(this IEndpointRouteBuilder app)
    {
        var group = app.MapFragmentGroup("/swarm/fragments");
        group.MapGet("/control-room", async (SwarmViews views, CancellationToken ct) =>
            new RazorComponentResult<ControlRoomLive>(new { Model = await views.ControlRoomAsync(ct) }));
        group.MapGet("/tasks/{id}", TaskAsync);
        group.MapGet("/marketplace", async (SwarmViews views, CancellationToken ct) =>
            new RazorComponentResult<MarketplaceLive>(new { Model = await views.MarketplaceAsync(null, null, ct), IsFragment = true }));
        group.MapGet("/glance", async (SwarmViews views, CancellationToken ct) =>
            new RazorComponentResult<SwarmGlanceCard>(new { Model = await views.GlanceAsync(ct), IsFragment = true }));
        return app;
    }

    /// <summary>The task's body as its page shows it; 404 for an unknown task.</summary>
    private static async Task<Results<RazorComponentResult<TaskBody>, NotFound>> TaskAsync(string id, SwarmViews views, CancellationToken ct) =>
        id.Length <= 64 && await views.TaskAsync(id, null, ct) is { } model
            ? new RazorComponentResult<TaskBody>(new { Model = model, IsFragment = true })
            : TypedResults.NotFound();
}
