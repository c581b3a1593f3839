namespace Timmy.Web.Components.Lightning;

/// <summary>One day's bars in the volume chart: what settled each way, and where the bars go in the chart's box
/// (incoming rises from the middle line, outgoing hangs below it).</summary>
public sealed record VolumeChartDay(DateOnly Day, long IncomingSats, long OutgoingSats, double X, double Width, double IncomingHeight, double OutgoingHeight);
