using Timmy.Core.Refusals;

namespace Timmy.Core.Upgrades;

/// <summary>A rollback could not be made; the target branch is as it was (HTTP 409).</summary>
public sealed class UpgradeRollbackException(string id, string detail) : ConflictException("Rollback not possible", $"Upgrade {id}: {detail}");
