using Timmy.Core.Refusals;

namespace Timmy.Core.Upgrades;

/// <summary>The branch no longer holds the diff the upgrade was proposed (or approved) with (HTTP 409).</summary>
public sealed class UpgradeChangedException(string id, string detail) : ConflictException("Branch changed", $"Upgrade {id}: {detail}");
