using Timmy.Core.SelfModify;

namespace Timmy.Web.Api.Upgrades;

/// <summary>A self-modify run as the API shows it: its steps so far and, once finished, the upgrade it proposed, a dry
/// run's diff, or why it failed.</summary>
public sealed record SelfModifyRunDto(
    string Id, string Instruction, bool DryRun, string Status, bool Finished, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<string> Steps, IReadOnlyList<string> Files, int Attempts, string? UpgradeId, string? Diff, string? Error)
{
    public static SelfModifyRunDto From(SelfModifyRun r) => new(
        r.Id, r.Instruction, r.DryRun, r.Status, r.IsFinished, r.StartedAt, r.FinishedAt, r.Steps, r.Files, r.Attempts, r.UpgradeId,
        r.Diff, r.Error);
}
