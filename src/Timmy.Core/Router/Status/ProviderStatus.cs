using Timmy.Core.Router.Circuit;
using Timmy.Core.Router.Metrics;

namespace Timmy.Core.Router.Status;

/// <summary>One provider card. <see cref="Availability"/> is one of <see cref="ProviderAvailability"/>;
/// <see cref="Detail"/> says why in words. No secret appears here (only the key variable's name).</summary>
public sealed record ProviderStatus(
    string Name,
    string Type,
    int Priority,
    bool Enabled,
    string Availability,
    string? Detail,
    CircuitState CircuitState,
    int ConsecutiveFailures,
    DateTimeOffset? HalfOpenAt,
    double? SecondsUntilHalfOpen,
    string? Url,
    string? ApiKeyEnv,
    string? DefaultModel,
    IReadOnlyList<ProviderModelInfo> Models,
    ProviderMetricsSnapshot Metrics,
    DateTimeOffset? LastProbeAt,
    bool? LastProbeAvailable,
    string? LastProbeDetail);
