namespace Timmy.Core.Memory;

/// <summary>Where the vector index is: loaded from the database yet, and how far the re-embed has got (entries that
/// had no vector of the embedder in use: stored while it was unreachable, or by another embedder).</summary>
public sealed class MemoryIndexState
{
    private long _reindexDone;
    private long _reindexTotal;

    public bool Loaded { get; private set; }

    public bool Reindexing { get; private set; }

    public long ReindexDone => Interlocked.Read(ref _reindexDone);

    public long ReindexTotal => Interlocked.Read(ref _reindexTotal);

    /// <summary>Why the last re-embed stopped short, or null.</summary>
    public string? ReindexProblem { get; private set; }

    public void MarkLoaded() => Loaded = true;

    public void StartReindex(long total)
    {
        Interlocked.Exchange(ref _reindexDone, 0);
        Interlocked.Exchange(ref _reindexTotal, total);
        ReindexProblem = null;
        Reindexing = true;
    }

    public void Progress(int embedded) => Interlocked.Add(ref _reindexDone, embedded);

    public void EndReindex(string? problem)
    {
        ReindexProblem = problem;
        Reindexing = false;
    }
}
