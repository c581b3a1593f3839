using Timmy.Core.Refusals;

namespace Timmy.Core.Lightning;

/// <summary>The Lightning node could not be reached (or refused our credentials); nothing was recorded.</summary>
public sealed class NodeUnavailableException(string detail) : UnavailableException("Lightning node unavailable", detail);
