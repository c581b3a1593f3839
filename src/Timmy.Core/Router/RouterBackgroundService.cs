using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Hosting;

namespace Timmy.Core.Router;

/// <summary>Loads saved router state at start, then probes every provider each <c>ProbeInterval</c> and
/// flushes metrics each <c>MetricsFlushInterval</c>; flushes once more on shutdown.</summary>
public sealed class RouterBackgroundService(
    RouterService router, IOptions<RouterOptions> options, TimeProvider time, ILogger<RouterBackgroundService> logger)
    : PeriodicBackgroundService(time, logger)
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await router.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override IReadOnlyList<PeriodicJob> Jobs =>
    [
        new("Router probe", options.Value.ProbeInterval, router.ProbeAllAsync),
        new("Router metrics flush", options.Value.MetricsFlushInterval, router.FlushAsync),
    ];

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await router.FlushAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Final router metrics flush failed");
        }
    }
}
