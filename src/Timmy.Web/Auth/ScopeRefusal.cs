using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Security;
using Timmy.Web.Api.OpenAiGateway;

namespace Timmy.Web.Auth;

/// <summary>Answers a token that lacks a scope with a 403 ProblemDetails naming the scope the endpoint needs and
/// the scopes the token has; the OpenAI-compatible gateway refuses in OpenAI's error shape; every other authorization outcome goes the default way.</summary>
public sealed class ScopeRefusal(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (context.Request.Path.StartsWithSegments(GatewayEndpoints.Prefix) && (authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            await GatewayRefusal.WriteAsync(context, authorizeResult);
            return;
        }
        if (!authorizeResult.Forbidden
            || authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().FirstOrDefault() is not { } missing)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var held = context.User.FindAll(OwnerPrincipal.ScopeClaim).Select(c => c.Value).ToList();
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Missing scope",
                Detail = $"This needs the '{missing.Scope}' scope (or '{ApiScopes.All}'); the token has: {string.Join(", ", held)}.",
                Extensions = { ["required_scope"] = missing.Scope },
            },
        });
    }
}
