using Microsoft.AspNetCore.Http.HttpResults;
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
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeToken").WithSummary("Revoke a token: it stops working at once");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ApiToken>>> ListAsync(ApiTokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(ct));

    private static async Task<Results<Created<CreatedTokenResponse>, ValidationProblem>> CreateAsync(
        HttpRequest request, ApiTokenService tokens, CancellationToken ct)
    {
        var (body, invalid) = await JsonBody.ReadAsync<CreateTokenRequest>(request, """{"name": "…", "scopes": ["events:read", …]}""", ct);
        if (body is null)
        {
            return invalid!;
        }
        try
        {
            var created = await tokens.CreateAsync(body.Name ?? "", body.Scopes ?? [], ct);
            return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", new CreatedTokenResponse(created.Token, created.Secret));
        }
        catch (ArgumentException ex)
        {
            return JsonBody.Invalid(ex.ParamName ?? "body", ApiTokenService.Reason(ex));
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, ApiTokenService tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(id, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "No such active token", detail: $"There is no active token with id '{(id.Length > 80 ? id[..80] + "…" : id)}'.", statusCode: StatusCodes.Status404NotFound);
}
