namespace Timmy.Core.Router.Circuit;

/// <summary>What the circuit looks like now. <see cref="HalfOpenAt"/> is set while open.</summary>
public sealed record CircuitSnapshot(CircuitState State, int ConsecutiveFailures, DateTimeOffset ChangedAt, DateTimeOffset? HalfOpenAt);
