namespace Timmy.Core.Memory;

/// <summary>Who is reading the memory. The owner sees every entry; an agent sees its own entries and the shared ones.</summary>
public sealed record MemoryViewer
{
    private MemoryViewer(string? agentId) => AgentId = agentId;

    /// <summary>The agent reading, or null for the owner.</summary>
    public string? AgentId { get; }

    public bool IsOwner => AgentId is null;

    public static MemoryViewer Owner { get; } = new((string?)null);

    public static MemoryViewer Agent(string agentId) =>
        new(string.IsNullOrWhiteSpace(agentId) ? throw new ArgumentException("An agent viewer needs an agent id.", nameof(agentId)) : agentId);

    public bool CanSee(string? entryAgentId, bool shared) => IsOwner || shared || entryAgentId == AgentId;
}
