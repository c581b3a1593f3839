using Timmy.Core.Refusals;

namespace Timmy.Core.Swarm;

/// <summary>Only a failed or cancelled task can be re-posted; a sub-task may not nest deeper than the configured limit.</summary>
public sealed class TaskPostRefusedException(string title, string detail) : ConflictException(title, detail);
