namespace Timmy.Web.Components.Router;

/// <summary>One provider's part of one bar of the router chart: its requests in the bin starting at
/// <see cref="BinStart"/>, as a rectangle in chart units. <see cref="Series"/> picks the colour; the
/// failed requests are the top <see cref="FailedHeight"/> of the rectangle.</summary>
public sealed record RouterChartBar(
    string Provider, int Series, DateTimeOffset BinStart, long Requests, long Failures, double X, double Y, double Width, double Height, double FailedHeight);
