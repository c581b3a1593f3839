using Microsoft.Extensions.Logging;
using Timmy.Core.Hosting;

namespace Timmy.Tests.Hosting;

/// <summary>A periodic service with one job, every minute, that counts its runs and fails on the runs listed
/// in <see cref="FailOn"/>.</summary>
public sealed class ScriptedPeriodicService(TimeProvider time, ILogger logger) : PeriodicBackgroundService(time, logger)
{
    private int _runs;

    public static TimeSpan Interval { get; } = TimeSpan.FromMinutes(1);

    public int Runs => Volatile.Read(ref _runs);

    public HashSet<int> FailOn { get; } = [];

    protected override IReadOnlyList<PeriodicJob> Jobs => [new("Scripted job", Interval, RunAsync)];

    private Task RunAsync(CancellationToken cancellationToken)
    {
        var run = Interlocked.Increment(ref _runs);
        return FailOn.Contains(run) ? throw new InvalidOperationException($"run {run} failed") : Task.CompletedTask;
    }
}
