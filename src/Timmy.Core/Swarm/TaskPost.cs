namespace Timmy.Core.Swarm;

/// <summary>A task as someone asks for it: what to do, the most they will pay (null: the default), and optionally the
/// task it is a sub-task of.</summary>
public sealed record TaskPost(string Description, long? MaxBidSats = null, string? ParentTaskId = null);
