using Polly;
using Timmy.Core.Router.Circuit;
using Timmy.Core.Router.Metrics;
using Timmy.Core.Router.Providers;

namespace Timmy.Core.Router;

/// <summary>One provider as the router runs it: its client, breaker, retry/timeout pipeline, metrics, the
/// owner's enable override and the last probe result.</summary>
public sealed class ProviderRuntime : IDisposable
{
    private readonly TimeProvider _time;
    private volatile ProbeRecord? _lastProbe;
    private volatile object? _enabledOverride;

    public ProviderRuntime(ProviderOptions options, ProviderClient client, RouterOptions router, TimeProvider time, Action<ProviderRuntime, CircuitTransition> onTransition)
    {
        _time = time;
        Options = options;
        Client = client;
        Breaker = new CircuitBreaker(router.CircuitBreakerThreshold, router.RecoveryTimeout, router.HalfOpenMaxCalls, time, t => onTransition(this, t));
        Metrics = new ProviderMetrics(options.Name, time);
        Pipeline = ProviderPipeline.Build(router, time, () => Interlocked.Increment(ref _retries));
        ProbeTimeout = router.Timeout;
    }

    private long _retries;

    public ProviderOptions Options { get; }
    public string Name => Options.Name;
    public ProviderClient Client { get; }
    public CircuitBreaker Breaker { get; }
    public ProviderMetrics Metrics { get; }
    public ResiliencePipeline Pipeline { get; }
    public TimeSpan ProbeTimeout { get; }

    /// <summary>Retries placed since start (not persisted; for diagnostics and tests).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public bool Enabled => _enabledOverride is bool value ? value : Options.Enabled;

    public ProbeRecord? LastProbe => _lastProbe;

    /// <summary>Turned off from the router's controls (rather than by its configuration).</summary>
    public bool DisabledByOwner => _enabledOverride is false;

    public void SetEnabled(bool enabled) => _enabledOverride = enabled;

    /// <summary>Why the cascade must pass this provider by, or null when it may be called.</summary>
    public string? SkipReason() => !Enabled ? "disabled" : Client.IsReady ? null : Client.UnavailableReason;

    /// <summary>The caller's model when it is one of this provider's, else the provider's default.</summary>
    public string? ResolveModel(string? requested) =>
        requested is not null && FindModel(requested) is { } match ? match.Name : Options.DefaultModel;

    /// <summary>Whether <paramref name="model"/> is one of this provider's configured models.</summary>
    public bool Serves(string model) => FindModel(model) is not null;

    private ProviderModelOptions? FindModel(string requested) =>
        Options.Models.FirstOrDefault(m =>
            string.Equals(m.Name, requested, StringComparison.OrdinalIgnoreCase) ||
            (Options.Type == ProviderTypes.Ollama && ModelNames.SameOllamaModel(m.Name, requested)));

    public async Task<ProviderProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        ProviderProbeResult result;
        if (!Client.IsReady)
        {
            result = new ProviderProbeResult(false, Client.UnavailableReason ?? "unavailable");
        }
        else
        {
            using var timeout = new CancellationTokenSource(ProbeTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                result = await Client.Probe!.ProbeAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                result = ProviderProbeResult.Unavailable($"probe timed out after {ProbeTimeout.TotalSeconds:0.#} s");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = ProviderProbeResult.Unavailable(ErrorText.Describe(ex));
            }
        }
        _lastProbe = new ProbeRecord(result, _time.GetUtcNow());
        return result;
    }

    public void Dispose() => (Client.Chat as IDisposable)?.Dispose();

    /// <summary>A probe result and when it was taken.</summary>
    public sealed record ProbeRecord(ProviderProbeResult Result, DateTimeOffset At);
}
