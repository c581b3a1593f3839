namespace Timmy.Core.Router.Circuit;

/// <summary>The circuit's transition table, checked in one place. Any state may be reset to Closed by the owner.</summary>
public static class CircuitTransitions
{
    private static readonly HashSet<(CircuitState, CircuitState)> Allowed =
    [
        (CircuitState.Closed, CircuitState.Open),     // threshold consecutive failures
        (CircuitState.Open, CircuitState.HalfOpen),   // recovery timeout elapsed
        (CircuitState.HalfOpen, CircuitState.Closed), // every trial call succeeded
        (CircuitState.HalfOpen, CircuitState.Open),   // a trial call failed
        (CircuitState.Open, CircuitState.Closed),     // owner reset
    ];

    public static bool IsAllowed(CircuitState from, CircuitState to) => Allowed.Contains((from, to));

    /// <exception cref="InvalidOperationException">The move is not in the table.</exception>
    public static CircuitTransition Ensure(CircuitState from, CircuitState to, string reason) =>
        IsAllowed(from, to)
            ? new CircuitTransition(from, to, reason)
            : throw new InvalidOperationException($"Circuit cannot move from {from} to {to}.");
}
