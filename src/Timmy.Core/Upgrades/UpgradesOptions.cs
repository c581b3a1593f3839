namespace Timmy.Core.Upgrades;

/// <summary>The self-modify loop and the upgrade queue. Bound from <c>Timmy:Upgrades</c>; the loop is off until the owner
/// turns it on (<see cref="SelfModifyEnabled"/>), while the queue itself (review, approve, reject) always works.</summary>
public sealed class UpgradesOptions
{
    public const string SectionName = "Timmy:Upgrades";
    public const string ApprovalPinVariable = "TIMMY_APPROVAL_PIN";

    /// <summary>Whether the self-modify loop may run at all.</summary>
    public bool SelfModifyEnabled { get; set; }

    /// <summary>The git repository upgrades change. Empty: the checkout the product runs from, when it runs from one.</summary>
    public string? Repository { get; set; }

    /// <summary>The branch an applied upgrade moves. Empty: the branch the repository's HEAD is on.</summary>
    public string? TargetBranch { get; set; }

    /// <summary>The only directories (relative to the repository root, matched as whole path segments) a change may touch.</summary>
    public List<string> AllowedDirectories { get; set; } = ["src", "tests", "docs"];

    /// <summary>The build-and-test command, run by <c>/bin/sh -c</c> at the root of the change's worktree.</summary>
    public string TestCommand { get; set; } = "bash .ci/run";

    public TimeSpan TestTimeout { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>How many times the loop feeds test failures back to the model for another attempt.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Proposals that change more lines than this (added plus removed) are refused.</summary>
    public int MaxChangedLines { get; set; } = 10_000;

    /// <summary>How many files the loop reads and shows the model, at most.</summary>
    public int MaxTargetFiles { get; set; } = 8;

    /// <summary>The largest file the loop reads or writes.</summary>
    public int MaxFileBytes { get; set; } = 256 * 1024;

    /// <summary>The spec's <c>upgrade_timeout_hours</c>: proposals older than this expire and are cleaned up.</summary>
    public double UpgradeTimeoutHours { get; set; } = 24;

    /// <summary>The spec's <c>auto_approve_upgrades</c>: approve, as "auto", proposals whose tests passed and whose diff
    /// changes at most <see cref="AutoApproveMaxChangedLines"/> lines.</summary>
    public bool AutoApproveUpgrades { get; set; }

    public int AutoApproveMaxChangedLines { get; set; } = 40;

    /// <summary>A PIN the owner gives to approve, as well as (or instead of) the owner password. Prefer the
    /// <c>TIMMY_APPROVAL_PIN</c> environment variable: it is a secret.</summary>
    public string? ApprovalPin { get; set; }

    /// <summary>Where worktrees are made. Empty: <c>upgrades/worktrees</c> in the data folder.</summary>
    public string? WorktreeDirectory { get; set; }

    /// <summary>How often proposals are checked for expiry.</summary>
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan UpgradeTimeout => TimeSpan.FromHours(UpgradeTimeoutHours);
}
