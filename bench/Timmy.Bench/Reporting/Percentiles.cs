using System.Diagnostics;

namespace Timmy.Bench.Reporting;

/// <summary>Nearest-rank percentiles over Stopwatch tick durations, reported in milliseconds.</summary>
public sealed class Percentiles
{
    private readonly long[] _sorted;

    public Percentiles(IEnumerable<long> ticks)
    {
        _sorted = ticks.ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double Ms(double percentile)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(percentile / 100.0 * _sorted.Length) - 1;
        return ToMs(_sorted[Math.Clamp(rank, 0, _sorted.Length - 1)]);
    }

    public double MaxMs => _sorted.Length == 0 ? double.NaN : ToMs(_sorted[^1]);

    public double MeanMs => _sorted.Length == 0 ? double.NaN : ToMs((long)_sorted.Average());

    public string Summary() => $"p50 {Ms(50):F2} ms, p99 {Ms(99):F2} ms, max {MaxMs:F2} ms";

    public static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
