using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Router.Metrics;
using Timmy.Core.Router.Status;

namespace Timmy.Core.Router;

/// <summary>The owner's view of the router: status snapshot, history, and the controls (enable, disable,
/// reset circuit, probe now). Also loads saved metrics/overrides at start and flushes metrics.
/// Methods taking a provider name return null when no provider has that name.</summary>
public sealed class RouterService(
    ProviderRegistry registry,
    IRouterStore store,
    RouterEvents events,
    IOptions<RouterOptions> options,
    TimeProvider time,
    ILogger<RouterService> logger)
{
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private int _initialized;

    public IReadOnlyList<ProviderRuntime> Providers => registry.All;

    public RouterStatus GetStatus()
    {
        var now = time.GetUtcNow();
        return new RouterStatus(now, registry.Preferred?.Name, registry.All.Select(p => ProviderStatusFactory.Create(p, now)).ToList());
    }

    public ProviderStatus? GetProvider(string name) =>
        registry.Find(name) is { } p ? ProviderStatusFactory.Create(p, time.GetUtcNow()) : null;

    public async Task<ProviderStatus?> SetEnabledAsync(string name, bool enabled, CancellationToken cancellationToken = default)
    {
        if (registry.Find(name) is not { } provider)
        {
            return null;
        }
        await store.SaveOverrideAsync(provider.Name, enabled, cancellationToken);
        var changed = provider.Enabled != enabled;
        provider.SetEnabled(enabled);
        if (changed)
        {
            events.EnabledChanged(provider.Name, enabled);
        }
        return ProviderStatusFactory.Create(provider, time.GetUtcNow());
    }

    public ProviderStatus? ResetCircuit(string name)
    {
        if (registry.Find(name) is not { } provider)
        {
            return null;
        }
        provider.Breaker.Reset();
        return ProviderStatusFactory.Create(provider, time.GetUtcNow());
    }

    public async Task<ProviderStatus?> ProbeAsync(string name, CancellationToken cancellationToken = default)
    {
        if (registry.Find(name) is not { } provider)
        {
            return null;
        }
        await ProbeOneAsync(provider, cancellationToken);
        return ProviderStatusFactory.Create(provider, time.GetUtcNow());
    }

    public Task ProbeAllAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(registry.All.Select(p => ProbeOneAsync(p, cancellationToken)));

    /// <summary>Per-minute history from <paramref name="since"/> (saved rows plus what is not flushed yet).</summary>
    public async Task<IReadOnlyList<MinuteBucket>> GetHistoryAsync(DateTimeOffset since, string? provider, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        return await store.LoadHistoryAsync(since, provider, cancellationToken);
    }

    /// <summary>Loads saved totals and the owner's overrides. Runs once; later calls do nothing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 1)
        {
            return;
        }
        foreach (var saved in await store.LoadMetricsAsync(cancellationToken))
        {
            registry.Find(saved.Provider)?.Metrics.Merge(saved);
        }
        foreach (var (name, enabled) in await store.LoadOverridesAsync(cancellationToken))
        {
            registry.Find(name)?.SetEnabled(enabled);
        }
    }

    /// <summary>Adds the unsaved per-minute deltas to the saved history and leaves the totals alone: for a second
    /// process on the same database (<c>timmy chat</c>), whose totals would overwrite the server's, while the
    /// history rows add up, so its calls show in the router page's chart.</summary>
    public async Task FlushHistoryAsync(CancellationToken cancellationToken = default)
    {
        await _flushGate.WaitAsync(cancellationToken);
        try
        {
            await store.SaveMetricsAsync([], registry.All.SelectMany(p => p.Metrics.TakePendingMinutes()).ToList(), cancellationToken);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    /// <summary>Writes totals and the unsaved per-minute deltas, and prunes old history.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushGate.WaitAsync(cancellationToken);
        try
        {
            var totals = registry.All.Select(p => p.Metrics.ToState(p.Breaker.State.ToString().ToLowerInvariant())).ToList();
            var minutes = registry.All.SelectMany(p => p.Metrics.TakePendingMinutes()).ToList();
            await store.SaveMetricsAsync(totals, minutes, cancellationToken);
            await store.PruneHistoryAsync(time.GetUtcNow().AddDays(-options.Value.HistoryRetentionDays), cancellationToken);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    private async Task ProbeOneAsync(ProviderRuntime provider, CancellationToken cancellationToken)
    {
        var before = provider.LastProbe?.Result.Available;
        var result = await provider.ProbeAsync(cancellationToken);
        if (before != result.Available)
        {
            logger.LogInformation("Provider {Provider} probe: {Detail}", provider.Name, result.Detail);
            events.ProbeChanged(provider.Name, result);
        }
    }
}
