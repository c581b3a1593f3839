using Timmy.Core.Refusals;

namespace Timmy.Core.SelfModify;

/// <summary>No run of the self-modify loop has this id (runs live in memory: a restart forgets them).</summary>
public sealed class SelfModifyRunNotFoundException(string runId) : NotFoundException(
    "No such run", $"There is no self-modify run {runId}; runs are kept in memory until the server restarts.");
