namespace Timmy.Core.SelfModify;

/// <summary>One run of the loop as it goes: its steps so far, and at the end the proposal it made (or why not).
/// Runs live in memory (the recent ones); what lasts is the proposal in the upgrade queue and the upgrade.run_* events.</summary>
public sealed record SelfModifyRun
{
    public required string Id { get; init; }
    public required string Instruction { get; init; }
    public required bool DryRun { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public IReadOnlyList<string> Steps { get; init; } = [];
    public IReadOnlyList<string> Files { get; init; } = [];
    public int Attempts { get; init; }
    public string? UpgradeId { get; init; }
    /// <summary>A dry run's change as a unified diff.</summary>
    public string? Diff { get; init; }
    public string? Error { get; init; }

    public bool IsFinished => Status != SelfModifyRunStatus.Running;
}
