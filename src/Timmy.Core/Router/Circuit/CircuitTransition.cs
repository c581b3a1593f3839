namespace Timmy.Core.Router.Circuit;

/// <summary>A state change that happened, for events and logs.</summary>
public sealed record CircuitTransition(CircuitState From, CircuitState To, string Reason);
