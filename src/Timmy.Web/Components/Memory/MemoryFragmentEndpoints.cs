using Microsoft.AspNetCore.Http.HttpResults;
using Timmy.Web.Components.Shared;

namespace Timmy.Web.Components.Memory;

/// <summary>The memory page's live parts as server-rendered fragments (docs/decisions.md), drawn by the page's own
/// components: the results for a search or filters (read as the owner types, and again on memory events) and the
/// figures (read on memory events). See <see cref="FragmentGroup"/>.</summary>
public static class MemoryFragmentEndpoints
{
    public static IServiceCollection AddMemoryPages(this IServiceCollection services) => services.AddScoped<MemoryViews>();

    public static IEndpointRouteBuilder MapMemoryFragments(this IEndpointRouteBuilder app)
    {
        var group = app.MapFragmentGroup("/memory/fragments");
        group.MapGet("/results", async (string? q, string? type, string? agent, string? since, string? until, string? before, MemoryViews views, CancellationToken ct) =>
            new RazorComponentResult<MemoryResults>(new
            {
                Model = await views.ResultsAsync(MemoryFilters.From(q, type, agent, since, until, before), ct), IsFragment = true,
            }));
        group.MapGet("/stats", async (MemoryViews views, CancellationToken ct) =>
            new RazorComponentResult<MemoryStatsCard>(new { Model = await views.StatsAsync(ct), IsFragment = true }));
        return app;
    }
}
