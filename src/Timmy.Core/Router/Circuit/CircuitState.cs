namespace Timmy.Core.Router.Circuit;

/// <summary>A provider's circuit. Allowed moves are listed in <see cref="CircuitTransitions"/>.</summary>
public enum CircuitState
{
    /// <summary>Calls pass; consecutive failures are counted.</summary>
    Closed,

    /// <summary>Calls are rejected until the recovery timeout has passed.</summary>
    Open,

    /// <summary>A limited number of trial calls pass; all succeeding closes, one failing re-opens.</summary>
    HalfOpen,
}
