using Timmy.Core.Lightning.Ledger;
using Timmy.Web.Components.Lightning;

namespace Timmy.Tests.Lightning.Pages;

/// <summary>The ledger page's view models without rendering: the address's filters and the volume chart's geometry.</summary>
public sealed class LedgerViewModelTests
{
    [Fact]
    public void Filters_DatesIncludeBothDays_AndTheExportsToIsTheDayAfter()
    {
        var filters = LedgerFilters.FromAddress("Incoming", " settled ", "task-1", "forge", "2026-03-01", "2026-03-02", null);

        var (filter, errors) = filters.ToFilter();

        Assert.Empty(errors);
        Assert.Equal(LedgerDirection.Incoming, filter.Direction);
        Assert.Equal(LedgerStatus.Settled, filter.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), filter.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), filter.To);
        Assert.Equal("/api/v1/lightning/export?direction=incoming&status=settled&task=task-1&agent=forge&from=2026-03-01&to=2026-03-03", filters.ExportUrl());
        Assert.Equal("/lightning/ledger?direction=incoming&status=settled&task=task-1&agent=forge&from=2026-03-01&to=2026-03-02&before=x", filters.Url("x"));
    }

    [Fact]
    public void Filters_Blank_AreNone()
    {
        var filters = LedgerFilters.FromAddress("", " ", null, "", null, "", "");

        Assert.Equal(LedgerFilters.None, filters);
        Assert.Equal(LightningFormat.Path, filters.Url(null));
        Assert.Equal(LedgerFilters.ExportPath, filters.ExportUrl());
    }

    [Fact]
    public void Chart_HasADayForEachOfTheLast30_IncomingAboveOutgoingBelow()
    {
        var today = new DateOnly(2026, 3, 30);
        var chart = VolumeChartModel.From([new LedgerDay(today, 1500, 400, 0, 2, 0, 0, 0), new LedgerDay(today.AddDays(-29), 100, 0, 0, 1, 0, 0, 0)], today);

        Assert.Equal(30, chart.Days.Count);
        Assert.Equal(today.AddDays(-29), chart.First);
        Assert.Equal(today, chart.Last);
        Assert.Equal(2000, chart.Scale);
        Assert.Equal(1600, chart.TotalIncoming);
        Assert.Equal(VolumeChartModel.Middle * 1500 / 2000, chart.Days[^1].IncomingHeight, 6);
        Assert.Equal(VolumeChartModel.Middle * 400 / 2000, chart.Days[^1].OutgoingHeight, 6);
        Assert.True(chart.Days[^1].X + chart.Days[^1].Width <= VolumeChartModel.Width);
        Assert.All(chart.Days.Skip(1).Take(28), d => Assert.Equal(0, d.IncomingHeight));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(11, 20)]
    [InlineData(1500, 2000)]
    [InlineData(2001, 5000)]
    [InlineData(5001, 10000)]
    public void Chart_ScaleRoundsUpTo125(long largest, long scale) => Assert.Equal(scale, VolumeChartModel.NiceScale(largest));

    [Fact]
    public void QrCode_EncodesTheUpperCasedInvoiceAfterLightning()
    {
        Assert.Equal("LIGHTNING:LNBCRT10U1ABC", InvoiceQrCode.Payload(" lnbcrt10u1abc "));
        Assert.StartsWith("data:image/svg+xml;base64,", InvoiceQrCode.DataUri("lnbcrt10u1abc"));
    }
}
