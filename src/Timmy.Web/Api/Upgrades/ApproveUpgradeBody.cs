using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Upgrades;

/// <summary>The body of <c>POST /api/v1/upgrades/{id}/approve</c>: the owner password or the approval PIN, and
/// optionally the <c>diff_sha256</c> of the diff the reviewer read (the approval is refused when the proposal's diff is
/// not that one).</summary>
public sealed record ApproveUpgradeBody(
    [property: StringLength(UpgradeDecisionEndpoints.MaxSecondFactorLength, ErrorMessage = "'second_factor' must be at most {1} characters.")]
    string? SecondFactor,
    [property: RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "'diff_sha256' must be 64 hexadecimal characters.")]
    string? DiffSha256);
