using Timmy.Core.Refusals;

namespace Timmy.Core.Upgrades;

/// <summary>An approval came without the second factor, or with a wrong one (HTTP 403); nothing was approved.</summary>
public sealed class SecondFactorRefusedException(string detail) : ForbiddenException("Second factor needed", detail);
