using Timmy.Core.Refusals;

namespace Timmy.Core.SelfModify;

/// <summary>A run is already going on this repository (HTTP 409); one at a time.</summary>
public sealed class SelfModifyBusyException(string runId) : ConflictException(
    "Self-modify is busy", $"Run {runId} is still working on this repository; wait for it to finish.")
{
    public string RunId { get; } = runId;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["run_id"] = RunId };
}
