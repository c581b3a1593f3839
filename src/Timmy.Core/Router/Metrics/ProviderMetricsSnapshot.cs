namespace Timmy.Core.Router.Metrics;

/// <summary>A provider's metrics at one moment (totals since the database was created).</summary>
public sealed record ProviderMetricsSnapshot(
    long Requests,
    long Successes,
    long Failures,
    double AvgLatencyMs,
    double P95LatencyMs,
    double? AvgTimeToFirstTokenMs,
    long TokensIn,
    long TokensOut,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastSuccessAt);
