using Timmy.Core.Router.Metrics;
using Timmy.Web.Components.Router;

namespace Timmy.Tests.Router;

public sealed class RouterChartTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 30, 20, TimeSpan.Zero);
    private static readonly string[] Providers = ["ollama", "openai"];

    [Fact]
    public void Build_NoHistory_IsEmptyWithNoBarsOrLine()
    {
        var chart = RouterChart.Build([], Providers, RouterChartRange.Hour, Now);

        Assert.True(chart.IsEmpty);
        Assert.Empty(chart.Bars);
        Assert.Equal("", chart.LatencyPath);
        Assert.Null(chart.AverageLatencyMs);
        Assert.Equal(1, chart.RequestsScale);
    }

    [Fact]
    public void Build_Window_EndsAfterTheCurrentMinute()
    {
        var chart = RouterChart.Build([], Providers, RouterChartRange.Hour, Now);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 31, 0, TimeSpan.Zero), chart.End);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 11, 31, 0, TimeSpan.Zero), chart.Start);
    }

    [Fact]
    public void Build_OneMinute_BarStandsOnTheBaselineScaledToANiceMaximum()
    {
        var chart = RouterChart.Build([Bucket("ollama", 12, 30, requests: 4, latencyMs: 400)], Providers, RouterChartRange.Hour, Now);

        var bar = Assert.Single(chart.Bars);
        Assert.Equal(5, chart.RequestsScale);
        Assert.Equal(RouterChart.Height * 4 / 5, bar.Height, 2);
        Assert.Equal(RouterChart.Height, bar.Y + bar.Height, 2);
        Assert.Equal(59 * RouterChart.Width / 60 + 1, bar.X, 2); // the last of 60 bins, 80 % wide and centred
        Assert.Equal(8, bar.Width, 2);
        Assert.Equal(100, chart.AverageLatencyMs);
    }

    [Fact]
    public void Build_FailedRequests_AreTheTopOfTheirBar()
    {
        var chart = RouterChart.Build([Bucket("ollama", 12, 30, requests: 4, latencyMs: 400, failures: 2)], Providers, RouterChartRange.Hour, Now);

        var bar = Assert.Single(chart.Bars);
        Assert.Equal(2, bar.Failures);
        Assert.Equal(bar.Height / 2, bar.FailedHeight, 2);
        Assert.Equal(2, chart.TotalFailures);
    }

    [Theory]
    [InlineData(4, 5, null)]
    [InlineData(2, 2, 1.0)]
    [InlineData(1, 1, null)]
    [InlineData(15, 20, 10.0)]
    public void Build_RequestsAxis_LabelsOnlyWholeRequests(long requests, double scale, double? mid)
    {
        var chart = RouterChart.Build([Bucket("ollama", 12, 30, requests, latencyMs: 10)], Providers, RouterChartRange.Hour, Now);

        Assert.Equal(scale, chart.RequestsScale);
        Assert.Equal(mid, chart.RequestsMidTick);
    }

    [Fact]
    public void Build_TwoProvidersInOneMinute_StackInLegendOrder()
    {
        var chart = RouterChart.Build(
            [Bucket("openai", 12, 0, requests: 1, latencyMs: 300), Bucket("ollama", 12, 0, requests: 1, latencyMs: 100)],
            Providers, RouterChartRange.Hour, Now);

        Assert.Equal(["ollama", "openai"], chart.Bars.Select(b => b.Provider));
        Assert.Equal([0, 1], chart.Bars.Select(b => b.Series));
        Assert.Equal(chart.Bars[0].Y, chart.Bars[1].Y + chart.Bars[1].Height, 2);
        Assert.Equal(0, chart.Bars[1].Y, 2); // 2 requests fill a scale of 2
    }

    [Fact]
    public void Build_MinutesWithoutRequests_BreakTheLatencyLine()
    {
        var chart = RouterChart.Build(
            [Bucket("ollama", 12, 0, 1, 100), Bucket("ollama", 12, 1, 1, 200), Bucket("ollama", 12, 10, 1, 50)],
            Providers, RouterChartRange.Hour, Now);

        // Bins 29 and 30 are joined; bin 39 stands alone and is drawn as a level stroke across its bar. Scale: 200 ms.
        Assert.Equal("M295 100 L305 0 M391 150 h8", chart.LatencyPath);
        Assert.Equal(200, chart.LatencyScaleMs);
    }

    [Fact]
    public void Build_SixHours_SumsSixMinutesPerBar()
    {
        var range = RouterChartRange.Parse("6h");
        var chart = RouterChart.Build(
            [Bucket("ollama", 12, 24, 1, 10), Bucket("ollama", 12, 25, 2, 20), Bucket("ollama", 12, 30, 3, 30)],
            Providers, range, Now);

        // The window ends at 12:31, so the last bar covers 12:25–12:30 and the one before it 12:19–12:24.
        Assert.Equal(6, range.MinutesPerBin);
        Assert.Equal([1L, 5L], chart.Bars.Select(b => b.Requests));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 25, 0, TimeSpan.Zero), chart.Bars[1].BinStart);
    }

    [Fact]
    public void Build_MinutesOutsideTheWindow_AreLeftOut()
    {
        var chart = RouterChart.Build([Bucket("ollama", 11, 30, 9, 90), Bucket("ollama", 12, 31, 9, 90)], Providers, RouterChartRange.Hour, Now);

        Assert.True(chart.IsEmpty);
    }

    [Fact]
    public void Build_ProviderOnlyInHistory_JoinsTheLegendAfterTheConfiguredOnes()
    {
        var chart = RouterChart.Build([Bucket("retired", 12, 0, 1, 10)], Providers, RouterChartRange.Hour, Now);

        Assert.Equal(["ollama", "openai", "retired"], chart.Providers);
        Assert.Equal(2, Assert.Single(chart.Bars).Series);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(1.5, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 20)]
    [InlineData(480, 500)]
    [InlineData(501, 1000)]
    public void NiceCeiling_RoundsUpToOneTwoOrFive(double value, double expected)
    {
        Assert.Equal(expected, RouterChart.NiceCeiling(value));
    }

    [Theory]
    [InlineData(null, "1h")]
    [InlineData("6h", "6h")]
    [InlineData("24H", "24h")]
    [InlineData("1w", "1h")]
    public void Range_Parse_FallsBackToTheLastHour(string? key, string expected)
    {
        Assert.Equal(expected, RouterChartRange.Parse(key).Key);
    }

    private static MinuteBucket Bucket(string provider, int hour, int minute, long requests, double latencyMs, long failures = 0) =>
        new(provider, new DateTimeOffset(2026, 3, 1, hour, minute, 0, TimeSpan.Zero), requests, requests - failures, failures, latencyMs, 0, 0);
}
