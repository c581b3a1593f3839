using System.Collections.Concurrent;
using System.Diagnostics;
using Timmy.Core.Events;

namespace Timmy.Bench.Swarm;

/// <summary>Listens on the event bus, as the live pages do, and notes when each task's <c>task.*</c> events are heard
/// (Stopwatch ticks): bidding (the task and its auction stored), assigned, started, completed or failed.</summary>
public sealed class TaskTimeline : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Stamps> _tasks = new(StringComparer.Ordinal);
    private readonly EventSubscription _subscription;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _finished;

    public TaskTimeline(IEventBus bus, int capacity)
    {
        EventTypePattern.TryParse("task.*", out var tasks, out _);
        _subscription = bus.Subscribe(capacity, [tasks]);
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Tasks heard completed or failed.</summary>
    public int Finished => Volatile.Read(ref _finished);

    public int Failed => _tasks.Values.Count(t => t.Failed);

    public long Dropped => _subscription.TotalDropped;

    public Stamps For(string taskId) => _tasks.GetOrAdd(taskId, _ => new Stamps());

    /// <summary>Waits until <paramref name="count"/> tasks have finished, or the time is up.</summary>
    public async Task<bool> WaitForFinishedAsync(int count, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Finished < count)
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                return false;
            }
            await Task.Delay(2);
        }
        return true;
    }

    private async Task ReadAsync()
    {
        try
        {
            while (true)
            {
                var item = await _subscription.ReadAsync(_stop.Token);
                if (item.Event is not { TaskId: { } taskId } record)
                {
                    continue;
                }
                var now = Stopwatch.GetTimestamp();
                var stamps = For(taskId);
                switch (record.EventType)
                {
                    case EventType.TaskBidding:
                        stamps.Bidding = now;
                        break;
                    case EventType.TaskAssigned:
                        stamps.Assigned = now;
                        break;
                    case EventType.TaskStarted:
                        stamps.Started = now;
                        break;
                    case EventType.TaskCompleted or EventType.TaskFailed:
                        stamps.Finished = now;
                        stamps.Failed = record.EventType == EventType.TaskFailed;
                        Interlocked.Increment(ref _finished);
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _subscription.Dispose();
        _stop.Dispose();
    }

    /// <summary>When one task was posted (set by the poster) and when its events were heard; 0 for not yet.</summary>
    public sealed class Stamps
    {
        public long Posted;
        public long PostReturned;
        public long Bidding;
        public long Assigned;
        public long Started;
        public long Finished;
        public bool Failed;
    }
}
