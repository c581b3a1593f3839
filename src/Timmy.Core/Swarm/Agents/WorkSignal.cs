namespace Timmy.Core.Swarm.Agents;

/// <summary>Wakes remote agents' long-polls when there is something new for them (an auction opened, a task
/// assigned). Every pulse releases every waiter; a waiter then looks for its own work.</summary>
public sealed class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for the next pulse; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var pulse = Volatile.Read(ref _next).Task;
        try
        {
            await pulse.WaitAsync(timeout, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
