using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Timmy.Core.Security;
using Timmy.Core.SelfModify;
using Timmy.Core.Upgrades;
using Timmy.Core.Upgrades.Git;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Upgrades;

/// <summary>The upgrade queue's reads under <c>/api/v1</c> (<c>upgrades:read</c>): the upgrades with a status filter and
/// paging, one upgrade, its full diff, the number waiting for a decision, and the self-modify loop's runs and status.
/// The decisions and the loop's start are in <see cref="UpgradeDecisionEndpoints"/>.</summary>
public static class UpgradeEndpoints
{
    public const string Prefix = "/api/v1/upgrades";
    public const string RunsPrefix = "/api/v1/self-modify/runs";
    public const string DiffContentType = "text/x-diff";
    public const int DefaultListLimit = 50;
    public const int MaxIdLength = 64;

    public static IEndpointRouteBuilder MapUpgradeEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Upgrades").RequireScope(ApiScopes.UpgradesRead);
        read.MapGet("/upgrades", ListAsync).WithName("ListUpgrades").ProducesValidationProblem()
            .WithSummary("Upgrades, newest first, filtered by `status` (comma-separated or repeated), paged by the `next` cursor");
        read.MapGet("/upgrades/pending-count", PendingCountAsync).WithName("PendingUpgradeCount")
            .WithSummary("How many proposals wait for the owner's decision");
        read.MapGet("/upgrades/{id}", GetAsync).WithName("GetUpgrade").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One upgrade: instruction, description, branch and commits, files, lines, diff preview and its SHA-256, test results, decisions");
        read.MapGet("/upgrades/{id}/diff", DiffAsync).WithName("GetUpgradeDiff")
            .Produces<string>(StatusCodes.Status200OK, DiffContentType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The upgrade's full unified diff against its base commit (its SHA-256 is the ETag and `diff_sha256`)");
        read.MapGet("/self-modify/status", StatusAsync).WithName("SelfModifyStatus")
            .WithSummary("Whether the self-modify loop can run (and why not), the repository and branch it changes, and the run going on now");
        read.MapGet("/self-modify/runs", Runs).WithName("ListSelfModifyRuns")
            .WithSummary("The recent self-modify runs, newest first (kept in memory until the server restarts)");
        read.MapGet("/self-modify/runs/{runId}", Run).WithName("GetSelfModifyRun").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One self-modify run: its steps so far, and when finished the upgrade it proposed, a dry run's diff or its error");
        return app;
    }

    public static string UpgradeAddress(string id) => $"{Prefix}/{id}";

    public static string RunAddress(string runId) => $"{RunsPrefix}/{runId}";

    private static async Task<Results<Ok<UpgradePageDto>, ValidationProblem>> ListAsync(
        [FromQuery(Name = "status")] string[]? status, string? before,
        [Range(1, UpgradeService.MaxListLimit, ErrorMessage = "'limit' must be from {1} to {2}.")] int? limit,
        UpgradeService upgrades, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = (status ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (statuses.FirstOrDefault(s => !UpgradeStatus.IsKnown(s)) is { } unknown)
        {
            errors["status"] = [$"'status' must be one of {string.Join(", ", UpgradeStatus.All)} (got '{QueryField.Clip(unknown)}')."];
        }
        var cursor = QueryField.Bounded("before", before, MaxIdLength, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var size = limit ?? DefaultListLimit;
        var items = await upgrades.ListAsync(statuses, size, cursor, ct);
        return TypedResults.Ok(new UpgradePageDto([.. items.Select(UpgradeDto.From)], items.Count == size ? items[^1].Id : null));
    }

    private static async Task<Ok<PendingCountDto>> PendingCountAsync(UpgradeService upgrades, CancellationToken ct) =>
        TypedResults.Ok(new PendingCountDto(await upgrades.PendingCountAsync(ct)));

    private static async Task<Ok<UpgradeDto>> GetAsync(string id, UpgradeService upgrades, CancellationToken ct) =>
        TypedResults.Ok(UpgradeDto.From(await upgrades.GetAsync(id, ct)));

    private static async Task<ContentHttpResult> DiffAsync(string id, UpgradeService upgrades, HttpResponse response, CancellationToken ct)
    {
        var upgrade = await upgrades.GetAsync(id, ct);
        response.Headers.ETag = new EntityTagHeaderValue($"\"{upgrade.DiffSha256}\"").ToString();
        return TypedResults.Text(upgrade.Diff, DiffContentType + "; charset=utf-8");
    }

    private static async Task<Ok<SelfModifyStatusDto>> StatusAsync(
        SelfModifyLoop loop, UpgradeService upgrades, ApprovalSecondFactor secondFactor, CancellationToken ct)
    {
        var target = upgrades.Target;
        string? branch = null;
        if (target.Repository is not null)
        {
            try
            {
                branch = target.TargetBranch(target.Open());
            }
            catch (Exception e) when (e is GitCommandException or LibGit2Sharp.LibGit2SharpException)
            {
                // Shown as unknown: the loop's own status says what is wrong.
            }
        }
        var current = loop.Current is { } run ? SelfModifyRunDto.From(run) : null;
        return TypedResults.Ok(new SelfModifyStatusDto(
            loop.Unavailable is null, loop.Unavailable ?? target.Problem, target.Repository, branch,
            await secondFactor.IsAvailableAsync(ct), await upgrades.PendingCountAsync(ct), current));
    }

    private static Ok<IReadOnlyList<SelfModifyRunDto>> Runs(SelfModifyLoop loop) =>
        TypedResults.Ok<IReadOnlyList<SelfModifyRunDto>>([.. loop.Recent.Select(SelfModifyRunDto.From)]);

    private static Ok<SelfModifyRunDto> Run(string runId, SelfModifyLoop loop) =>
        TypedResults.Ok(SelfModifyRunDto.From(loop.Get(runId) ?? throw new SelfModifyRunNotFoundException(runId)));
}
