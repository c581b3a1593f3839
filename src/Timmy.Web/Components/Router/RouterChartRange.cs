namespace Timmy.Web.Components.Router;

/// <summary>A time window the router chart can show, named as it appears in the URL (<c>?range=6h</c>).
/// Every window is cut into <see cref="Bins"/> equal bars, so a wider window sums more minutes per bar.</summary>
public sealed record RouterChartRange(string Key, string Label, int Minutes)
{
    public const int Bins = 60;

    public static RouterChartRange Hour { get; } = new("1h", "last hour", 60);

    public static IReadOnlyList<RouterChartRange> All { get; } = [Hour, new("6h", "last 6 hours", 6 * 60), new("24h", "last 24 hours", 24 * 60)];

    public int MinutesPerBin => Minutes / Bins;

    /// <summary>The window named <paramref name="key"/>; the last hour when it is missing or unknown.</summary>
    public static RouterChartRange Parse(string? key) =>
        All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase)) ?? Hour;
}
