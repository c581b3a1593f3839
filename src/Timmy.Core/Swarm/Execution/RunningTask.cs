namespace Timmy.Core.Swarm.Execution;

/// <summary>A persona's run in progress: cancelled by the owner, or by its time limit (the two end the task differently).</summary>
public sealed class RunningTask(TimeSpan timeLimit, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new(timeLimit, time);
    private int _cancelledByOwner;

    public CancellationToken Token => _cancel.Token;

    public bool CancelledByOwner => Volatile.Read(ref _cancelledByOwner) == 1;

    public void CancelByOwner()
    {
        Interlocked.Exchange(ref _cancelledByOwner, 1);
        _cancel.Cancel();
    }

    public void Dispose() => _cancel.Dispose();
}
