using Timmy.Core.Upgrades;

namespace Timmy.Web.Api.Upgrades;

/// <summary>An upgrade as the API shows it: everything the queue knows about it but the full diff, which is served as
/// text by <c>GET /api/v1/upgrades/{id}/diff</c> (the preview here is its first part). <see cref="DiffSha256"/> names
/// the diff an approval is bound to.</summary>
public sealed record UpgradeDto(
    string Id, string Status, string Instruction, string Description, string Repository, string TargetBranch, string BranchName,
    string BaseCommit, string BranchCommit, IReadOnlyList<string> FilesChanged, int LinesAdded, int LinesRemoved, string DiffPreview,
    string DiffSha256, TestRunResult? TestResults, bool TestsPassed, string? WorktreePath, DateTimeOffset ProposedAt,
    DateTimeOffset? ApprovedAt, string? ApprovedBy, DateTimeOffset? ApplyStartedAt, bool Applying, DateTimeOffset? AppliedAt,
    string? PreviousHead, string? AppliedCommit, DateTimeOffset? RejectedAt, string? RejectedBy, DateTimeOffset? FinishedAt,
    string? RollbackCommit, string? ErrorMessage, DateTimeOffset UpdatedAt)
{
    public static UpgradeDto From(Upgrade u) => new(
        u.Id, u.Status, u.Instruction, u.Description, u.Repository, u.TargetBranch, u.BranchName, u.BaseCommit, u.BranchCommit,
        u.FilesChanged, u.LinesAdded, u.LinesRemoved, u.DiffPreview, u.DiffSha256, u.TestResults, u.TestsPassed, u.WorktreePath,
        u.ProposedAt, u.ApprovedAt, u.ApprovedBy, u.ApplyStartedAt, u.IsApplying, u.AppliedAt, u.PreviousHead, u.AppliedCommit,
        u.RejectedAt, u.RejectedBy, u.FinishedAt, u.RollbackCommit, u.ErrorMessage, u.UpdatedAt);
}
