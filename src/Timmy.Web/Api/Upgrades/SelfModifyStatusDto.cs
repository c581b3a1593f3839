namespace Timmy.Web.Api.Upgrades;

/// <summary>Whether the self-modify loop can run (and why not), the repository and branch upgrades change, whether an
/// approval can be given (a password or PIN is set up), and the run going on now.</summary>
public sealed record SelfModifyStatusDto(
    bool Enabled, string? Unavailable, string? Repository, string? TargetBranch, bool SecondFactorAvailable, int PendingUpgrades,
    SelfModifyRunDto? Current);
