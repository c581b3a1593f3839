namespace Timmy.Core.Upgrades;

/// <summary>What the self-modify loop hands the queue: a branch it committed in its worktree, tested, and described.</summary>
public sealed record NewProposal(
    string Instruction,
    string Description,
    string BranchName,
    string BaseCommit,
    string BranchCommit,
    string TargetBranch,
    string WorktreePath,
    TestRunResult TestResults)
{
    /// <summary>The upgrade's id, chosen by the loop so its branch name can carry it.</summary>
    public required string Id { get; init; }

    public string? Actor { get; init; }
}
