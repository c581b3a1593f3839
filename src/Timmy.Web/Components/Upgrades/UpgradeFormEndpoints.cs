using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Timmy.Core.Refusals;
using Timmy.Core.Upgrades;

namespace Timmy.Web.Components.Upgrades;

/// <summary>Where the upgrade pages' action forms post (approve, reject, roll back). They are plain form endpoints rather
/// than the page's own Blazor forms because every row of the live lists carries its own form, and a page may name a
/// Blazor form only once. Antiforgery is checked (form binding), the owner's cookie is needed (the fallback policy), and
/// each answers with a redirect back to the page it came from with a notice or the refusal's code (post-redirect-get).</summary>
public static class UpgradeFormEndpoints
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Rollback = "rollback";
    public const string BackToQueue = "queue";
    public const string BackToUpgrade = "upgrade";
    public const int MaxReasonLength = 500;
    private const int MaxSecretLength = 1_000;

    public static IEndpointRouteBuilder MapUpgradeForms(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(UpgradeFormat.Path + "/{id}").ExcludeFromDescription();
        group.MapPost("/" + Approve, (string id, [FromForm(Name = "second_factor")] string? secret, [FromForm(Name = "diff_sha256")] string? sha,
            [FromForm(Name = "back")] string? back, UpgradeService upgrades, HttpContext http) =>
            DecideAsync(id, back, UpgradeNotice.Approved, () => upgrades.ApproveAsync(
                id, Actor(http), Clip(secret, MaxSecretLength), Clip(sha, 64), http.RequestAborted)));
        group.MapPost("/" + Reject, (string id, [FromForm(Name = "reason")] string? reason, [FromForm(Name = "back")] string? back,
            UpgradeService upgrades, HttpContext http) =>
            DecideAsync(id, back, UpgradeNotice.Rejected, () => upgrades.RejectAsync(id, Actor(http), Clip(reason, MaxReasonLength), http.RequestAborted)));
        group.MapPost("/" + Rollback, (string id, [FromForm(Name = "back")] string? back, UpgradeService upgrades, HttpContext http) =>
            DecideAsync(id, back, UpgradeNotice.RolledBack, () => upgrades.RollbackAsync(id, Actor(http), http.RequestAborted)));
        return app;
    }

    private static async Task<IResult> DecideAsync(string id, string? back, string done, Func<Task<Upgrade>> decide)
    {
        string notice;
        try
        {
            await decide();
            notice = done;
        }
        catch (RefusalException e)
        {
            notice = CodeFor(e);
        }
        var toUpgrade = back == BackToUpgrade && notice != UpgradeNotice.Gone;
        var path = toUpgrade ? UpgradeFormat.Url(id) : UpgradeFormat.Path;
        return Results.Redirect(QueryHelpers.AddQueryString(path, "notice", notice));
    }

    /// <summary>The refusal as one of <see cref="UpgradeNotice"/>'s codes.</summary>
    public static string CodeFor(RefusalException e) => e switch
    {
        UpgradeNotFoundException => UpgradeNotice.Gone,
        SecondFactorRefusedException => UpgradeNotice.WrongSecondFactor,
        LimitExceededException => UpgradeNotice.Locked,
        UpgradeChangedException => UpgradeNotice.Changed,
        UpgradeRollbackException => UpgradeNotice.RollbackFailed,
        UpgradeRepositoryUnavailableException => UpgradeNotice.NoRepository,
        _ => UpgradeNotice.AlreadyDecided,
    };

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "owner";

    private static string? Clip(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}
