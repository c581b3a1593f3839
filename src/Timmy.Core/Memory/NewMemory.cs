namespace Timmy.Core.Memory;

/// <summary>A memory as a caller asks for it to be stored; the store gives it an id and a timestamp.
/// <see cref="Metadata"/> is a JSON object's text (or null for none).</summary>
public sealed record NewMemory(string Content, string ContextType, string Source)
{
    public string? AgentId { get; init; }
    public string? TaskId { get; init; }
    public string? SessionId { get; init; }
    public string? Metadata { get; init; }
    public bool Shared { get; init; }
}
