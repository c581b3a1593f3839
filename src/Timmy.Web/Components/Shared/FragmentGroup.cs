namespace Timmy.Web.Components.Shared;

/// <summary>Endpoints that serve a page's live parts as HTML fragments (docs/decisions.md): page endpoints, so
/// the owner's cookie only (the fallback policy), out of the API's OpenAPI document, and never cached.</summary>
public static class FragmentGroup
{
    public static RouteGroupBuilder MapFragmentGroup(this IEndpointRouteBuilder app, string prefix) =>
        app.MapGroup(prefix).ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
}
