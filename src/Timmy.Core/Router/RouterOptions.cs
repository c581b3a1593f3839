namespace Timmy.Core.Router;

/// <summary>Cascade router settings, bound from <c>Timmy:Router</c> (spec: cascade_providers and the breaker
/// settings). <see cref="PostConfigureRouterOptions"/> fills the default providers when none are configured.</summary>
public sealed class RouterOptions
{
    public const string SectionName = "Timmy:Router";

    /// <summary>The tiers, tried in ascending <see cref="ProviderOptions.Priority"/>.</summary>
    public List<ProviderOptions> Providers { get; set; } = [];

    /// <summary>Per-attempt call timeout (for streaming: until the first token).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra attempts on a transient error (connection refused/reset, timeout, 429, 5xx).</summary>
    public int Retries { get; set; } = 2;

    /// <summary>First back-off delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Consecutive failed calls that open a provider's circuit.</summary>
    public int CircuitBreakerThreshold { get; set; } = 5;

    /// <summary>How long an open circuit rejects calls before letting trial calls through.</summary>
    public TimeSpan RecoveryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Trial calls let through while half-open; all must succeed to close the circuit.</summary>
    public int HalfOpenMaxCalls { get; set; } = 2;

    /// <summary>How often the background health probe checks every provider.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often in-memory metrics are written to <c>provider_metrics</c> and the history.</summary>
    public TimeSpan MetricsFlushInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Per-minute history rows older than this many days are pruned.</summary>
    public int HistoryRetentionDays { get; set; } = 7;
}
