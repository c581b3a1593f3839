using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Timmy.Core.Hosting;

/// <summary>A hosted service that runs each of its <see cref="Jobs"/> once at start and then on every tick of a
/// <see cref="PeriodicTimer"/> driven by the injected <see cref="TimeProvider"/> (so tests move time by hand).
/// A failed run is logged and the job waits for its next tick; stopping the host ends every loop.</summary>
public abstract class PeriodicBackgroundService(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>The loops to run, side by side; read once when the service starts.</summary>
    protected abstract IReadOnlyList<PeriodicJob> Jobs { get; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Jobs.Select(job => LoopAsync(job, stoppingToken)));

    private async Task LoopAsync(PeriodicJob job, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(job.Interval, Time);
        do
        {
            try
            {
                await job.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "{Job} failed; will run again in {Interval}", job.Name, job.Interval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
