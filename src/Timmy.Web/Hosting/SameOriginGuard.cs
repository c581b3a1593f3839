namespace Timmy.Web.Hosting;

/// <summary>
/// Refuses a state-changing request (any method but GET, HEAD, OPTIONS, TRACE) or a WebSocket upgrade that a browser
/// sent from another origin, unless it carries an API token. The owner's cookie is SameSite, but SameSite does not
/// separate ports: a page served from another port of the same host could otherwise post the dashboard's forms or
/// read the live feed with that cookie. Browsers name the page's origin in <c>Origin</c> (always on WebSocket
/// upgrades and POSTs, though as <c>null</c> under a no-referrer policy) and say <c>Sec-Fetch-Site</c>; a request with neither is not a browser's, and without a
/// token it has no cookie to abuse either. Behind a reverse proxy, the proxy must pass the original Host.
/// </summary>
public static class SameOriginGuard
{
    public static IApplicationBuilder UseSameOriginGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (NeedsCheck(request) && CrossOriginSender(request) is { } sender)
        {
            await Results.Problem(
                title: "Cross-origin request refused",
                detail: $"This request came from {sender}, not from this dashboard's own pages ({request.Host}). " +
                        "Use the dashboard itself, or call the API with a token (Authorization: Bearer tt_…).",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }
        await next();
    });

    private static bool NeedsCheck(HttpRequest request) =>
        !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) &&
        (request.HttpContext.WebSockets.IsWebSocketRequest || !IsSafe(request.Method));

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>Who sent a cross-origin request, or null when it came from this origin (or not from a browser).</summary>
    private static string? CrossOriginSender(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        // "null" is what a browser sends for the dashboard's own form posts under Referrer-Policy: no-referrer, as
        // for a sandboxed page: the fetch-site header tells the two apart.
        if (origin.Length > 0 && origin != "null")
        {
            return IsThisHost(origin, request) ? null : $"the page at {origin}";
        }
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "cross-site" or "same-site" ? $"a {site} page" : null;
    }

    private static bool IsThisHost(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }
        var host = request.Host;
        var port = host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == port;
    }
}
