using Timmy.Core.Refusals;

namespace Timmy.Core.Upgrades;

public sealed class UpgradeNotFoundException(string id) : NotFoundException("No such upgrade", $"There is no upgrade {id}.");
