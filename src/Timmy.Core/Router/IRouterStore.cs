using Timmy.Core.Router.Metrics;

namespace Timmy.Core.Router;

/// <summary>What the router keeps across restarts: metric totals, the per-minute history and the owner's
/// enable/disable overrides.</summary>
public interface IRouterStore
{
    Task<IReadOnlyList<ProviderMetricsState>> LoadMetricsAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves totals (absolute) and adds the minute deltas, in one transaction.</summary>
    Task SaveMetricsAsync(IReadOnlyList<ProviderMetricsState> totals, IReadOnlyList<MinuteBucket> minutes, CancellationToken cancellationToken = default);

    /// <summary>Per-minute rows at or after <paramref name="since"/>, oldest first; one provider or all.</summary>
    Task<IReadOnlyList<MinuteBucket>> LoadHistoryAsync(DateTimeOffset since, string? provider, CancellationToken cancellationToken = default);

    Task<int> PruneHistoryAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, bool>> LoadOverridesAsync(CancellationToken cancellationToken = default);

    Task SaveOverrideAsync(string provider, bool enabled, CancellationToken cancellationToken = default);
}
