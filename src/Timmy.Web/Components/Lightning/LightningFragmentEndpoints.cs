using Microsoft.AspNetCore.Http.HttpResults;
using Timmy.Web.Components.Shared;

namespace Timmy.Web.Components.Lightning;

/// <summary>The ledger page's live parts as one server-rendered fragment (docs/decisions.md), drawn by the page's own
/// components (<see cref="LedgerLive"/>) for the filters, page, invoice and payment the page's address names, read by
/// the page's script on payment.* events. The node is asked afresh, since a payment changes what it holds. See
/// <see cref="FragmentGroup"/>.</summary>
public static class LightningFragmentEndpoints
{
    public static IServiceCollection AddLightningPages(this IServiceCollection services) => services.AddScoped<LightningViews>();

    public static IEndpointRouteBuilder MapLightningFragments(this IEndpointRouteBuilder app)
    {
        app.MapFragmentGroup("/lightning/fragments").MapGet("/ledger", async (
            string? direction, string? status, string? task, string? agent, string? from, string? to, string? before, string? invoice, string? payment,
            LightningViews views, CancellationToken ct) =>
            new RazorComponentResult<LedgerLive>(new
            {
                Model = await views.LiveAsync(LedgerFilters.FromAddress(direction, status, task, agent, from, to, before), invoice, payment, refreshNode: true, ct),
            }));
        return app;
    }
}
