using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Timmy.Core.Security;
using Timmy.Core.SelfModify;
using Timmy.Core.Upgrades;
using Timmy.Web.Api.Swarm;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Upgrades;

/// <summary>The owner's decisions under <c>/api/v1</c> (<c>upgrades:approve</c>): approve a proposal (with the owner
/// password or the approval PIN), reject it, queue an approved one's apply, roll an applied one back, and start the
/// self-modify loop.</summary>
public static class UpgradeDecisionEndpoints
{
    public const int MaxSecondFactorLength = 1_024;
    public const int MaxReasonLength = 2_000;

    public static IEndpointRouteBuilder MapUpgradeDecisionEndpoints(this IEndpointRouteBuilder app)
    {
        var decide = app.MapGroup("/api/v1").WithTags("Upgrades").RequireScope(ApiScopes.UpgradesApprove);
        decide.MapPost("/upgrades/{id}/approve", ApproveAsync).WithName("ApproveUpgrade").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Approve a proposal with `second_factor` (the owner password or the approval PIN), bound to its diff (`diff_sha256` when given must match); its apply is queued");
        decide.MapPost("/upgrades/{id}/reject", RejectAsync).WithName("RejectUpgrade").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reject a proposal, with an optional `reason`; its branch and worktree are deleted");
        decide.MapPost("/upgrades/{id}/apply", ApplyAsync).WithName("ApplyUpgrade")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Queue the apply of an approved upgrade whose apply has not begun (approval queues it already)");
        decide.MapPost("/upgrades/{id}/rollback", RollbackAsync).WithName("RollBackUpgrade")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Undo an applied upgrade with a revert commit on the target branch");
        decide.MapPost("/self-modify/runs", StartRun).WithName("StartSelfModifyRun").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Start the self-modify loop on an instruction (optionally `target_files`, `dry_run`); it runs in the background: follow the run at its Location");
        return app;
    }

    private static async Task<Ok<UpgradeDto>> ApproveAsync(string id, [FromBody] ApproveUpgradeBody body, ClaimsPrincipal user, UpgradeService upgrades) =>
        TypedResults.Ok(UpgradeDto.From(await upgrades.ApproveAsync(id, SwarmEndpoints.ActorOf(user), body.SecondFactor, body.DiffSha256, CancellationToken.None)));

    private static async Task<Ok<UpgradeDto>> RejectAsync(string id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RejectUpgradeBody body, ClaimsPrincipal user, UpgradeService upgrades)
    {
        // The body may be left out (then it is null). The service writes a move within a state as a change, so a second
        // reject would overwrite the first: only a proposal may be rejected.
        UpgradeStateMachine.EnsureCanMove(await upgrades.GetAsync(id, CancellationToken.None), UpgradeStatus.Rejected);
        return TypedResults.Ok(UpgradeDto.From(await upgrades.RejectAsync(id, SwarmEndpoints.ActorOf(user), body?.Reason, CancellationToken.None)));
    }

    [TakesNoBody]
    private static async Task<Accepted<UpgradeDto>> ApplyAsync(string id, UpgradeService upgrades) =>
        TypedResults.Accepted(UpgradeEndpoints.UpgradeAddress(id), UpgradeDto.From(await upgrades.ApplyAsync(id, CancellationToken.None)));

    [TakesNoBody]
    private static async Task<Ok<UpgradeDto>> RollbackAsync(string id, ClaimsPrincipal user, UpgradeService upgrades) =>
        TypedResults.Ok(UpgradeDto.From(await upgrades.RollbackAsync(id, SwarmEndpoints.ActorOf(user), CancellationToken.None)));

    private static Accepted<SelfModifyRunDto> StartRun([FromBody] StartSelfModifyBody body, ClaimsPrincipal user, SelfModifyLoop loop)
    {
        var run = loop.Start(body.ToRequest(SwarmEndpoints.ActorOf(user)));
        return TypedResults.Accepted(UpgradeEndpoints.RunAddress(run.Id), SelfModifyRunDto.From(run));
    }
}
