using Microsoft.AspNetCore.WebUtilities;
using Timmy.Core.Router;
using Timmy.Core.Router.Circuit;
using Timmy.Core.Router.Metrics;
using Timmy.Core.Router.Status;

namespace Timmy.Web.Components.Router;

/// <summary>Everything the /router/status page shows, from one status snapshot and the chart's history.</summary>
public sealed class RouterStatusViewModel
{
    public const string Path = "/router/status";

    public required RouterStatus Status { get; init; }
    public required RouterChart Chart { get; init; }
    public required RouterNotice? Notice { get; init; }

    public RouterChartRange Range => Chart.Range;

    /// <summary>"2 of 4 providers available · 1 circuit open".</summary>
    public static string SummaryOf(RouterStatus status)
    {
        var available = status.Providers.Count(p => p.Availability == ProviderAvailability.Available);
        var open = status.Providers.Count(p => p.CircuitState == CircuitState.Open);
        return $"{available} of {status.Providers.Count} providers available · {open} circuit{(open == 1 ? "" : "s")} open";
    }

    /// <summary>This page's address with the chart window kept (left out when it is the default) and an
    /// optional notice for the redirect after a form.</summary>
    public static string Url(RouterChartRange range, string? notice = null, string? provider = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["range"] = range == RouterChartRange.Hour ? null : range.Key,
            ["notice"] = notice,
            ["provider"] = provider,
        };
        return QueryHelpers.AddQueryString(Path, query.Where(q => q.Value is not null));
    }

    /// <summary>The status now and the chart over <paramref name="range"/> (the page and its live fragment).</summary>
    public static async Task<RouterStatusViewModel> LoadAsync(
        RouterService router, RouterChartRange range, string? notice, string? provider, CancellationToken cancellationToken)
    {
        var status = router.GetStatus();
        var history = await router.GetHistoryAsync(status.GeneratedAt.AddMinutes(-range.Minutes - 1), null, cancellationToken);
        return Create(status, history, range, notice, provider);
    }

    public static RouterStatusViewModel Create(
        RouterStatus status, IReadOnlyList<MinuteBucket> history, RouterChartRange range, string? notice, string? provider) =>
        new()
        {
            Status = status,
            Chart = RouterChart.Build(history, status.Providers.Select(p => p.Name).ToList(), range, status.GeneratedAt),
            Notice = RouterNotice.For(notice, provider, status),
        };
}
