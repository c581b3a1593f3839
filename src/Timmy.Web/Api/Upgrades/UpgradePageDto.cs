namespace Timmy.Web.Api.Upgrades;

/// <summary>A page of upgrades, newest first; <see cref="Next"/> is the <c>before</c> cursor of the next (older) page,
/// null on the last.</summary>
public sealed record UpgradePageDto(IReadOnlyList<UpgradeDto> Items, string? Next);
