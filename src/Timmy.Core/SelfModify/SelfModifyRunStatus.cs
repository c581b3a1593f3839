namespace Timmy.Core.SelfModify;

/// <summary>How a self-modify run ended (or that it has not yet).</summary>
public static class SelfModifyRunStatus
{
    public const string Running = "running";
    /// <summary>Ended with a proposal in the upgrade queue (whose tests may have passed or failed).</summary>
    public const string Proposed = "proposed";
    /// <summary>A dry run ended with the model's change shown, nothing written.</summary>
    public const string DryRun = "dry_run";
    /// <summary>Ended without a proposal: the model's answer was refused or unusable, or something failed.</summary>
    public const string Failed = "failed";
}
