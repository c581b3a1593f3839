using Microsoft.AspNetCore.Diagnostics;

namespace Timmy.Web.Hosting;

/// <summary>Bodies for bare error statuses: a page address nobody serves gets the HTML "Not found" page with
/// the navigation (still a 404); everything else, and every status on the API and the feed, gets ProblemDetails.</summary>
public static class StatusCodePages
{
    public const string NotFoundPath = "/not-found";

    public static WebApplication UseTimmyStatusCodePages(this WebApplication app)
    {
        app.UseStatusCodePages();
        app.UseStatusCodePagesWithReExecute(NotFoundPath, queryFormat: null, createScopeForStatusCodePages: true);
        // Runs inside the re-executing middleware, so it can turn that one off once the status is known;
        // the outer middleware then writes ProblemDetails as before.
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!IsMissingPage(context) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
        });
        return app;
    }

    private static bool IsMissingPage(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status404NotFound
        && HttpMethods.IsGet(context.Request.Method)
        && !MachinePaths.Contains(context.Request.Path);
}
