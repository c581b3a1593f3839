using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Timmy.Core.Router;

/// <summary>Loads saved router state at start, then probes every provider each <c>ProbeInterval</c> and
/// flushes metrics each <c>MetricsFlushInterval</c>; flushes once more on shutdown.</summary>
public sealed class RouterBackgroundService(
    RouterService router, IOptions<RouterOptions> options, TimeProvider time, ILogger<RouterBackgroundService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await router.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            EveryAsync(options.Value.ProbeInterval, router.ProbeAllAsync, "probe", stoppingToken),
            EveryAsync(options.Value.MetricsFlushInterval, router.FlushAsync, "metrics flush", stoppingToken));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await router.FlushAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Final router metrics flush failed");
        }
    }

    private async Task EveryAsync(TimeSpan interval, Func<CancellationToken, Task> work, string what, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await work(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Router {What} failed", what);
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
