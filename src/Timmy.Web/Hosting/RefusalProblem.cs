using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Refusals;

namespace Timmy.Web.Hosting;

/// <summary>Each kind of refusal as its HTTP answer: a field at fault 400 (a validation problem naming it),
/// an unknown thing 404, a thing not the caller's to do 403, an illegal state or a busy thing 409, a used-up allowance 429, a
/// needed service out of reach 503.</summary>
public static class RefusalProblem
{
    public static ProblemDetails For(RefusalException refusal)
    {
        if (Field(refusal) is { } field)
        {
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [refusal.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
            };
        }
        var problem = new ProblemDetails { Status = StatusOf(refusal), Title = refusal.Title, Detail = refusal.Detail };
        foreach (var (name, value) in refusal.Facts)
        {
            problem.Extensions[name] = value;
        }
        return problem;
    }

    private static string? Field(RefusalException refusal) => refusal switch
    {
        InvalidFieldException invalid => invalid.Field,
        NotFoundException { Field: { } field } => field,
        _ => null,
    };

    private static int StatusOf(RefusalException refusal) => refusal switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        ForbiddenException => StatusCodes.Status403Forbidden,
        LimitExceededException => StatusCodes.Status429TooManyRequests,
        UnavailableException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}
