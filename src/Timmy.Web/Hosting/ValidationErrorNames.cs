using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Timmy.Web.Hosting;

/// <summary>Names each field of a validation problem as the JSON body names it (<c>messages[0].role</c>, not
/// <c>Messages[0].Role</c>): the framework's validation keys by C# member names.</summary>
public static partial class ValidationErrorNames
{
    public static void UseJsonNames(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 } problem)
        {
            return;
        }
        var policy = context.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.PropertyNamingPolicy;
        if (policy is null)
        {
            return;
        }
        var renamed = problem.Errors.ToDictionary(e => ToJsonName(e.Key, policy), e => e.Value);
        problem.Errors.Clear();
        foreach (var (field, messages) in renamed)
        {
            problem.Errors[field] = messages;
        }
    }

    /// <summary>Converts each member name in a path such as <c>Messages[0].Role</c>, keeping indexes and dots.</summary>
    public static string ToJsonName(string path, JsonNamingPolicy policy) =>
        MemberName().Replace(path, m => policy.ConvertName(m.Value));

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex MemberName();
}
