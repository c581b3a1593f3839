using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.CrashProbe;

/// <summary>The real event store, except that once <see cref="Arm"/>ed, the first event appended to a store's
/// transaction ends the process at <paramref name="point"/>, as abruptly as a power cut allows a process to
/// (no finally blocks, no rollback, no flush).</summary>
public sealed class CrashingEventStore(IEventStore inner, CrashPoint point) : DelegatingEventStore(inner)
{
    private bool _armed;

    public void Arm() => _armed = true;

    public override async Task<IReadOnlyList<EventRecord>> AppendAsync(
        WriteTransaction transaction, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        Crash(CrashPoint.BeforeEvent);
        var ids = await Inner.AppendAsync(transaction, events, cancellationToken);
        Crash(CrashPoint.BeforeCommit);
        transaction.OnCommitted(() => Crash(CrashPoint.AfterCommit));
        return ids;
    }

    private void Crash(CrashPoint at)
    {
        if (_armed && point == at)
        {
            Environment.FailFast($"crash probe: dying at {at}");
        }
    }
}
