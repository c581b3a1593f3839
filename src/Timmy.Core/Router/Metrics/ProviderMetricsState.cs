namespace Timmy.Core.Router.Metrics;

/// <summary>The persisted form of one provider's totals (a row of <c>provider_metrics</c>).</summary>
public sealed record ProviderMetricsState(
    string Provider,
    long Requests,
    long Successes,
    long Failures,
    double LatencyMsSum,
    IReadOnlyList<double> LatencySamples,
    double TtftMsSum,
    long TtftCount,
    long TokensIn,
    long TokensOut,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastSuccessAt,
    string CircuitState);
