using Timmy.Core.Memory;

namespace Timmy.Web.Api.Memory;

/// <summary>The re-embed's progress: whether it is running, how many of how many entries it has embedded in this run,
/// why the last run stopped short (null when it did not), and how many entries still wait for a vector.
/// <see cref="Started"/> says whether this request started a run (false: one was already running).</summary>
public sealed record ReindexDto(bool Started, bool Running, long Done, long Total, string? Problem, long AwaitingEmbedding)
{
    public static ReindexDto From(MemoryStatus status, bool started = false) => new(
        started, status.Reindexing || started, status.ReindexDone, status.ReindexTotal, status.ReindexProblem, status.Stats.AwaitingEmbedding);
}
