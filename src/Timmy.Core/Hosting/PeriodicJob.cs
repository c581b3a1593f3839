namespace Timmy.Core.Hosting;

/// <summary>Work a <see cref="PeriodicBackgroundService"/> runs at start and then every <paramref name="Interval"/>;
/// <paramref name="Name"/> is what the log calls it when a run fails.</summary>
public sealed record PeriodicJob(string Name, TimeSpan Interval, Func<CancellationToken, Task> RunAsync);
