using System.ComponentModel.DataAnnotations;
using Timmy.Core.SelfModify;

namespace Timmy.Web.Api.Upgrades;

/// <summary>The body of <c>POST /api/v1/self-modify/runs</c>: what to change, optionally the files to change (paths
/// relative to the repository's root), and whether to stop at showing the change (<c>dry_run</c>).</summary>
public sealed record StartSelfModifyBody(
    [property: Required(ErrorMessage = "Say what to change: 'instruction' is required."),
     StringLength(SelfModifyRequest.MaxInstructionLength, ErrorMessage = "'instruction' must be at most {1} characters.")]
    string? Instruction,
    [property: MaxLength(SelfModifyRequest.MaxTargetFiles, ErrorMessage = "'target_files' may name at most {1} files.")]
    IReadOnlyList<string>? TargetFiles,
    bool? DryRun) : IValidatableObject
{
    public const int MaxPathLength = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Instruction is not null && string.IsNullOrWhiteSpace(Instruction))
        {
            yield return new ValidationResult("Say what to change: 'instruction' is empty.", [nameof(Instruction)]);
        }
        if ((TargetFiles ?? []).Any(f => string.IsNullOrWhiteSpace(f) || f.Length > MaxPathLength))
        {
            yield return new ValidationResult(
                $"Each of 'target_files' must be a path of 1 to {MaxPathLength} characters.", [nameof(TargetFiles)]);
        }
    }

    public SelfModifyRequest ToRequest(string actor) => new(Instruction!.Trim())
    {
        TargetFiles = [.. (TargetFiles ?? []).Select(f => f.Trim())], DryRun = DryRun ?? false, Actor = actor,
    };
}
