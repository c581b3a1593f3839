using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Timmy.Core.Lightning.L402;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary>The owner's view of L402 tokens under <c>/api/v1/lightning/l402</c>: list them (<c>lightning:read</c>)
/// and revoke one by id (<c>lightning:pay</c>; an unknown or already revoked id is a 404). Also maps the paid
/// endpoints themselves (<see cref="ServeChatEndpoint"/>).</summary>
public static class L402Endpoints
{
    public const string Prefix = "/api/v1/lightning/l402";

    public static IEndpointRouteBuilder MapL402Endpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("L402");
        group.MapGet("/tokens", ListAsync).RequireScope(ApiScopes.LightningRead).WithName("ListL402Tokens").ProducesValidationProblem()
            .WithSummary("L402 tokens, newest first, paid or not, with their use (never their keys)");
        group.MapDelete("/tokens/{tokenId}", RevokeAsync).RequireScope(ApiScopes.LightningPay).WithName("RevokeL402Token")
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Revoke an L402 token: it stops working at once");
        return app.MapServeChat();
    }

    private static async Task<Ok<IReadOnlyList<L402TokenDto>>> ListAsync(
        [Range(1, L402Service.MaxListLimit, ErrorMessage = "'limit' must be from {1} to {2}.")] int? limit, L402Service l402, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<L402TokenDto>>([.. (await l402.ListAsync(limit ?? 100, ct)).Select(L402TokenDto.From)]);

    private static async Task<Ok<L402TokenDto>> RevokeAsync(string tokenId, L402Service l402, CancellationToken ct) =>
        TypedResults.Ok(L402TokenDto.From(await l402.RevokeAsync(tokenId, ct)));
}
