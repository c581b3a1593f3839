using System.ComponentModel.DataAnnotations;

namespace Timmy.Web.Api.Upgrades;

/// <summary>The body of <c>POST /api/v1/upgrades/{id}/reject</c>, which may be left out: why the proposal was turned
/// down (kept with it).</summary>
public sealed record RejectUpgradeBody(
    [property: StringLength(UpgradeDecisionEndpoints.MaxReasonLength, ErrorMessage = "'reason' must be at most {1} characters.")]
    string? Reason);
