using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Timmy.Core.Router.Metrics;

namespace Timmy.Web.Components.Router;

/// <summary>The geometry of the router history chart in a <see cref="Width"/> × <see cref="Height"/> box
/// that the SVG stretches to the page: stacked bars of requests per provider per bin, and one line for the
/// average latency over all providers. Axis scales are rounded up to 1, 2 or 5 × 10ⁿ; bins without
/// requests break the latency line instead of drawing it at zero.</summary>
public sealed class RouterChart
{
    public const double Width = 600;
    public const double Height = 200;
    private const double BarShare = 0.8;

    public required RouterChartRange Range { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }

    /// <summary>Every provider in the legend; a provider's index is its <see cref="RouterChartBar.Series"/>.</summary>
    public required ImmutableArray<string> Providers { get; init; }

    public required ImmutableArray<RouterChartBar> Bars { get; init; }

    /// <summary>SVG path data of the latency line; empty when nothing was called.</summary>
    public required string LatencyPath { get; init; }

    /// <summary>Requests per bin at the top of the plot.</summary>
    public required double RequestsScale { get; init; }

    /// <summary>Average latency (ms) at the top of the plot.</summary>
    public required double LatencyScaleMs { get; init; }

    public required long TotalRequests { get; init; }

    public required long TotalFailures { get; init; }

    /// <summary>Over every request in the window; null when there were none.</summary>
    public required double? AverageLatencyMs { get; init; }

    public bool IsEmpty => TotalRequests == 0;

    public DateTimeOffset Middle => Start + (End - Start) / 2;

    /// <summary>The label halfway up the requests axis, or null when that is not a whole number of requests.</summary>
    public double? RequestsMidTick => RequestsScale % 2 == 0 ? RequestsScale / 2 : null;

    /// <summary>The chart for <paramref name="range"/> ending with the minute of <paramref name="now"/>.
    /// <paramref name="providers"/> gives the legend order; providers found only in the history follow.</summary>
    public static RouterChart Build(IEnumerable<MinuteBucket> history, IReadOnlyList<string> providers, RouterChartRange range, DateTimeOffset now)
    {
        var end = new DateTimeOffset(now.UtcDateTime.Ticks - now.UtcDateTime.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1);
        var start = end.AddMinutes(-range.Minutes);
        var inRange = history.Where(b => b.Minute >= start && b.Minute < end && b.Requests > 0).ToList();
        var names = providers.Concat(inRange.Select(b => b.Provider).Order(StringComparer.Ordinal)).Distinct().ToImmutableArray();

        var requests = new long[RouterChartRange.Bins, names.Length];
        var failures = new long[RouterChartRange.Bins, names.Length];
        var latencySum = new double[RouterChartRange.Bins];
        foreach (var bucket in inRange)
        {
            var bin = (int)((bucket.Minute - start).TotalMinutes / range.MinutesPerBin);
            requests[bin, names.IndexOf(bucket.Provider)] += bucket.Requests;
            failures[bin, names.IndexOf(bucket.Provider)] += bucket.Failures;
            latencySum[bin] += bucket.LatencyMsSum;
        }
        var perBin = Enumerable.Range(0, RouterChartRange.Bins).Select(bin => Enumerable.Range(0, names.Length).Sum(p => requests[bin, p])).ToArray();
        var averages = perBin.Select((count, bin) => count == 0 ? (double?)null : latencySum[bin] / count).ToArray();
        var requestsScale = NiceCeiling(perBin.Max());
        var latencyScale = NiceCeiling(averages.Max() ?? 0);

        return new RouterChart
        {
            Range = range,
            Start = start,
            End = end,
            Providers = names,
            Bars = BuildBars(requests, failures, names, start, range, requestsScale),
            LatencyPath = BuildLatencyPath(averages, latencyScale),
            RequestsScale = requestsScale,
            LatencyScaleMs = latencyScale,
            TotalRequests = perBin.Sum(),
            TotalFailures = failures.Cast<long>().Sum(),
            AverageLatencyMs = perBin.Sum() == 0 ? null : latencySum.Sum() / perBin.Sum(),
        };
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="value"/>; 1 for nothing.</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 1)
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var step = new[] { 1.0, 2, 5, 10 }.First(s => s * magnitude >= value * (1 - 1e-9));
        return step * magnitude;
    }

    private static double BinWidth => Width / RouterChartRange.Bins;

    private static double BarWidth => BinWidth * BarShare;

    private static double BarLeft(int bin) => bin * BinWidth + (BinWidth - BarWidth) / 2;

    private static ImmutableArray<RouterChartBar> BuildBars(
        long[,] requests, long[,] failures, ImmutableArray<string> names, DateTimeOffset start, RouterChartRange range, double scale)
    {
        var bars = ImmutableArray.CreateBuilder<RouterChartBar>();
        for (var bin = 0; bin < RouterChartRange.Bins; bin++)
        {
            var top = Height;
            for (var series = 0; series < names.Length; series++)
            {
                if (requests[bin, series] == 0)
                {
                    continue;
                }
                var height = requests[bin, series] / scale * Height;
                top -= height;
                var failed = Math.Min(failures[bin, series], requests[bin, series]);
                bars.Add(new RouterChartBar(names[series], series, start.AddMinutes(bin * range.MinutesPerBin), requests[bin, series], failed,
                    Round(BarLeft(bin)), Round(top), Round(BarWidth), Round(height), Round(failed / scale * Height)));
            }
        }
        return bars.ToImmutable();
    }

    private static string BuildLatencyPath(double?[] averages, double scale)
    {
        var path = new StringBuilder();
        for (var bin = 0; bin < averages.Length; bin++)
        {
            if (averages[bin] is not { } average)
            {
                continue;
            }
            var startsRun = bin == 0 || averages[bin - 1] is null;
            var endsRun = bin == averages.Length - 1 || averages[bin + 1] is null;
            var y = Round(Height - average / scale * Height);
            var separator = path.Length == 0 ? "" : " ";
            if (startsRun && endsRun)
            {
                // A lone point: a level stroke across its bar, so it shows without neighbours to join.
                path.Append(CultureInfo.InvariantCulture, $"{separator}M{Round(BarLeft(bin))} {y} h{Round(BarWidth)}");
                continue;
            }
            path.Append(CultureInfo.InvariantCulture, $"{separator}{(startsRun ? 'M' : 'L')}{Round((bin + 0.5) * BinWidth)} {y}");
        }
        return path.ToString();
    }

    private static double Round(double value) => Math.Round(value, 2);
}
