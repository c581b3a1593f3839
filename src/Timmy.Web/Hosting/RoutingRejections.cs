using Microsoft.AspNetCore.Authorization;
using Timmy.Web.Auth;

namespace Timmy.Web.Hosting;

/// <summary>
/// When no endpoint takes a request (a method the address does not take: 405; a body that is not JSON: 415), routing
/// answers with an endpoint of its own that carries no authorization metadata, so the pages' cookie-only fallback
/// policy would turn a token's 415 into a 401. This gives such answers the API's policy (the owner by cookie or any
/// token), and makes a 415 the same "body" problem as every other unreadable body.
/// </summary>
public static class RoutingRejections
{
    private static readonly EndpointMetadataCollection OwnerOnly = new(new AuthorizeAttribute(AuthSetup.AnyOwnerPolicy));

    public static WebApplication UseRoutingRejections(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is { RequestDelegate: { } reject } endpoint and not RouteEndpoint)
            {
                context.SetEndpoint(new Endpoint(c => AnswerAsync(c, reject), OwnerOnly, endpoint.DisplayName));
            }
            return next(context);
        });
        return app;
    }

    private static async Task AnswerAsync(HttpContext context, RequestDelegate reject)
    {
        await reject(context);
        if (context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }
    }
}
