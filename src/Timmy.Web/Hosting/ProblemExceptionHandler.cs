using Microsoft.AspNetCore.Diagnostics;

namespace Timmy.Web.Hosting;

/// <summary>The one place where an exception that is the client's doing becomes its answer: a request that
/// cannot be read (<see cref="MalformedRequestProblem"/>) or a refusal (<see cref="RefusalProblem"/>), as
/// ProblemDetails; and a database that stayed busy (<see cref="DatabaseBusyProblem"/>), which is not the client's
/// doing but is worth retrying. Anything else is a fault and stays a 500.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => MalformedRequestProblem.For(bad, httpContext),
            Core.Refusals.RefusalException refusal => RefusalProblem.For(refusal),
            _ when Core.Storage.DatabaseBusy.Is(exception) => DatabaseBusyProblem.For(httpContext),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        // A client that accepts no JSON still gets the status, without a body.
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        return true;
    }
}
