namespace Timmy.Core.Upgrades;

/// <summary>One proposed change to a repository, as the self-modify loop left it on its branch and as the owner decided
/// about it. <see cref="DiffSha256"/> is the SHA-256 of <see cref="Diff"/>, the branch's full diff against
/// <see cref="BaseCommit"/>: an approval is bound to it, and apply refuses a branch whose diff is no longer that one.</summary>
public sealed record Upgrade
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string Instruction { get; init; }
    public required string Description { get; init; }
    public required string Repository { get; init; }
    public required string TargetBranch { get; init; }
    public required string BranchName { get; init; }
    public required string BaseCommit { get; init; }
    public required string BranchCommit { get; init; }
    public required IReadOnlyList<string> FilesChanged { get; init; }
    public required int LinesAdded { get; init; }
    public required int LinesRemoved { get; init; }
    public required string DiffPreview { get; init; }
    public required string Diff { get; init; }
    public required string DiffSha256 { get; init; }
    public TestRunResult? TestResults { get; init; }
    public string? WorktreePath { get; init; }
    public required DateTimeOffset ProposedAt { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public string? ApprovedBy { get; init; }
    public DateTimeOffset? ApplyStartedAt { get; init; }
    public DateTimeOffset? AppliedAt { get; init; }
    public string? PreviousHead { get; init; }
    public string? AppliedCommit { get; init; }
    public DateTimeOffset? RejectedAt { get; init; }
    public string? RejectedBy { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? RollbackCommit { get; init; }
    public string? ErrorMessage { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public bool TestsPassed => TestResults?.Passed == true;

    public int ChangedLines => LinesAdded + LinesRemoved;

    /// <summary>Approved and its apply has begun (in the background) but not ended.</summary>
    public bool IsApplying => Status == UpgradeStatus.Approved && ApplyStartedAt is not null;
}
