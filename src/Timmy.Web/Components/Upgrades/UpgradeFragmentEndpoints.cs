using Microsoft.AspNetCore.Http.HttpResults;
using Timmy.Web.Components.Shared;
using NotFoundResult = Microsoft.AspNetCore.Http.HttpResults.NotFound;

namespace Timmy.Web.Components.Upgrades;

/// <summary>The upgrade pages' live parts as server-rendered fragments (docs/decisions.md), drawn by the pages' own
/// components: the queue's lists, one upgrade's facts and actions, a self-modify run's steps, and the navigation's
/// count. Read by the pages' scripts on upgrade.* events. See <see cref="FragmentGroup"/>.</summary>
public static class UpgradeFragmentEndpoints
{
    public static IServiceCollection AddUpgradePages(this IServiceCollection services) => services.AddScoped<UpgradeViews>();

    public static IEndpointRouteBuilder MapUpgradeFragments(this IEndpointRouteBuilder app)
    {
        var group = app.MapFragmentGroup("/self-modify/fragments");
        group.MapGet("/queue", async (UpgradeViews views, CancellationToken ct) =>
            new RazorComponentResult<UpgradeQueueLive>(new { Model = await views.QueueAsync(ct) }));
        group.MapGet("/upgrade", async Task<Results<RazorComponentResult<UpgradeFacts>, NotFoundResult>> (string? id, UpgradeViews views, CancellationToken ct) =>
            await views.UpgradeAsync(id, ct) is { } upgrade
                ? new RazorComponentResult<UpgradeFacts>(new { Upgrade = upgrade, CanApprove = await views.CanApproveAsync(ct), Now = views.Now, IsFragment = true })
                : TypedResults.NotFound());
        group.MapGet("/run", (string? run, UpgradeViews views) =>
            new RazorComponentResult<SelfModifyRunView>(new { Run = views.Run(run), Now = views.Now, IsFragment = true }));
        group.MapGet("/badge", async (UpgradeViews views, CancellationToken ct) =>
            new RazorComponentResult<UpgradeNavBadge>(new { Count = await views.PendingCountAsync(ct), IsFragment = true }));
        return app;
    }
}
