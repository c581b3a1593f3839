using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Tokens;

/// <summary>The owner's API tokens under <c>/api/v1/tokens</c> (scope <c>tokens:manage</c>): list, create
/// (the secret is in the answer, once) and revoke. The settings page does the same for the browser.</summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireScope(ApiScopes.TokensManage);
        group.MapGet("/", ListAsync).WithName("ListTokens").WithSummary("Every API token, active and revoked (never the secrets)");
        group.MapPost("/", CreateAsync).WithName("CreateToken").WithSummary("Create a token; the answer holds its secret, shown this once");
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeToken").WithSummary("Revoke a token: it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ApiToken>>> ListAsync(ApiTokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(ct));

    private static async Task<Created<CreatedTokenResponse>> CreateAsync([FromBody] CreateTokenRequest body, ApiTokenService tokens, CancellationToken ct)
    {
        var created = await tokens.CreateAsync(body.Name!, body.Scopes!, ct);
        return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", new CreatedTokenResponse(created.Token, created.Secret));
    }

    private static async Task<NoContent> RevokeAsync(string id, ApiTokenService tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(id, ct) ? TypedResults.NoContent() : throw new TokenNotFoundException(id);
}
