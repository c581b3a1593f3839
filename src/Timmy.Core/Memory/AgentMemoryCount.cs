namespace Timmy.Core.Memory;

/// <summary>How many entries an agent (null: the owner) has.</summary>
public sealed record AgentMemoryCount(string? AgentId, long Count);
