namespace Timmy.Web.Api.Swarm;

/// <summary>The answer to a heartbeat: the agent's status now, and how long it may stay silent before it goes offline.</summary>
public sealed record HeartbeatDto(string AgentId, string Status, DateTimeOffset LastSeen, double HeartbeatTimeoutSeconds);
