namespace Timmy.Core.Memory;

/// <summary>What a list or a search is narrowed to; every part left null matches everything.
/// <see cref="AgentId"/> <see cref="OwnerAgentId"/> ("owner") selects the owner's own entries.</summary>
public sealed record MemoryFilter
{
    public const string OwnerAgentId = "owner";

    public IReadOnlyList<string>? ContextTypes { get; init; }
    public string? AgentId { get; init; }
    public string? SessionId { get; init; }

    /// <summary>Leaves out one session's entries (a conversation already in the prompt).</summary>
    public string? ExcludeSessionId { get; init; }

    public string? TaskId { get; init; }

    /// <summary>Only entries stored by this source ("chat", "upload", "swarm", …).</summary>
    public string? Source { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }

    public static MemoryFilter None { get; } = new();
}
