namespace Timmy.Web.Api.Memory;

/// <summary>How many entries one agent keeps; <see cref="Agent"/> is "owner" for the owner's own.</summary>
public sealed record AgentMemoryCountDto(string Agent, long Count);
