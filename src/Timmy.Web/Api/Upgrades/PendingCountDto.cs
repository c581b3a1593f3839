namespace Timmy.Web.Api.Upgrades;

/// <summary>How many proposals wait for the owner's decision.</summary>
public sealed record PendingCountDto(int Pending);
