using Microsoft.AspNetCore.Authorization;

namespace Timmy.Web.Auth;

/// <summary>The owner must hold <see cref="Scope"/> (or <c>*</c>); the signed-in cookie holds every scope, an API
/// token those it was given. Kept as a requirement, not an assertion, so a refusal can say which scope it needed.</summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasScope(requirement.Scope))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
