using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Storage;

namespace Timmy.Web.Hosting;

/// <summary>The answer when the database stayed locked past the busy timeout: 503 with <c>Retry-After</c>, so a
/// client waits and tries again instead of seeing a fault. Nothing of the request was stored.</summary>
public static class DatabaseBusyProblem
{
    public static ProblemDetails For(HttpContext context)
    {
        context.Response.Headers.RetryAfter = ((int)DatabaseBusy.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Database busy",
            Detail = "The database is locked by another writer (another process or a long transaction) and did not free " +
                     $"in time; nothing was stored. Try again in {DatabaseBusy.RetryAfter.TotalSeconds:0} s.",
        };
    }
}
