namespace Timmy.Web.Hosting;

/// <summary>Addresses meant for scripts rather than a person's browser: they answer with a status code and
/// ProblemDetails (never a redirect to the sign-in page or an HTML error page).</summary>
public static class MachinePaths
{
    private static readonly string[] Prefixes = ["/api", "/ws", "/metrics", "/openapi", "/v1"];

    public static bool Contains(PathString path) => Prefixes.Any(p => path.StartsWithSegments(p));
}
