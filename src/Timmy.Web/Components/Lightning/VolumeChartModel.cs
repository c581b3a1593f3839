using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Components.Lightning;

/// <summary>The daily volume chart's geometry in a <see cref="Width"/> × <see cref="Height"/> box the SVG stretches to
/// the card: one slot per UTC day of the last <see cref="Days"/>, settled incoming sats above the middle line and
/// outgoing below, both on one scale rounded up to 1, 2 or 5 × 10ⁿ sats.</summary>
public sealed record VolumeChartModel
{
    public const double Width = 600;
    public const double Height = 160;
    public const double Middle = Height / 2;
    public const int DefaultDays = 30;
    private const double BarShare = 0.7;

    public required IReadOnlyList<VolumeChartDay> Days { get; init; }

    /// <summary>Sats at the top (and the bottom) of the chart.</summary>
    public required long Scale { get; init; }

    public required long TotalIncoming { get; init; }
    public required long TotalOutgoing { get; init; }

    public DateOnly First => Days[0].Day;
    public DateOnly Last => Days[^1].Day;

    public bool IsEmpty => TotalIncoming == 0 && TotalOutgoing == 0;

    /// <summary>The chart for the <paramref name="count"/> days up to <paramref name="today"/>; days missing from
    /// <paramref name="days"/> had nothing settle.</summary>
    public static VolumeChartModel From(IReadOnlyList<LedgerDay> days, DateOnly today, int count = DefaultDays)
    {
        var byDay = days.ToDictionary(d => d.Day);
        var first = today.AddDays(1 - count);
        var largest = days.Count == 0 ? 0 : days.Max(d => Math.Max(d.IncomingSats, d.OutgoingSats));
        var scale = NiceScale(largest);
        var slot = Width / count;
        var bars = Enumerable.Range(0, count).Select(i =>
        {
            var day = first.AddDays(i);
            var (incoming, outgoing) = byDay.TryGetValue(day, out var d) ? (d.IncomingSats, d.OutgoingSats) : (0, 0);
            return new VolumeChartDay(day, incoming, outgoing, i * slot + slot * (1 - BarShare) / 2, slot * BarShare,
                Middle * incoming / scale, Middle * outgoing / scale);
        }).ToList();
        return new VolumeChartModel { Days = bars, Scale = scale, TotalIncoming = bars.Sum(b => b.IncomingSats), TotalOutgoing = bars.Sum(b => b.OutgoingSats) };
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="value"/> (at least 10).</summary>
    public static long NiceScale(long value)
    {
        for (long power = 1; power <= long.MaxValue / 10; power *= 10)
        {
            foreach (var step in (long[])[1, 2, 5])
            {
                if (step * power >= Math.Max(10, value))
                {
                    return step * power;
                }
            }
        }
        return long.MaxValue;
    }
}
