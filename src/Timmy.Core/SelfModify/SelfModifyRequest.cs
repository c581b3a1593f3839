namespace Timmy.Core.SelfModify;

/// <summary>What the owner asks the loop for: an instruction, optionally the files to change, and whether to stop
/// before touching git (a dry run shows the model's change without a branch, tests or proposal).</summary>
public sealed record SelfModifyRequest(string Instruction)
{
    public const int MaxInstructionLength = 4_000;
    public const int MaxTargetFiles = 32;

    public IReadOnlyList<string> TargetFiles { get; init; } = [];

    public bool DryRun { get; init; }

    /// <summary>Who asked (the owner, a token); only the server sets it.</summary>
    public string? Actor { get; init; }
}
