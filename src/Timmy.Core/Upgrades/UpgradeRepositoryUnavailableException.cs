using Timmy.Core.Refusals;

namespace Timmy.Core.Upgrades;

/// <summary>There is no git repository for upgrades to change (HTTP 503): the message says how to name one.</summary>
public sealed class UpgradeRepositoryUnavailableException(string problem) : UnavailableException("No repository to upgrade", problem);
