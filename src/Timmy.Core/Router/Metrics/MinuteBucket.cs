namespace Timmy.Core.Router.Metrics;

/// <summary>One provider's activity in one minute (a row of <c>provider_metrics_history</c>); also the
/// unsaved delta a flush adds to that row.</summary>
public sealed record MinuteBucket(
    string Provider,
    DateTimeOffset Minute,
    long Requests,
    long Successes,
    long Failures,
    double LatencyMsSum,
    long TokensIn,
    long TokensOut)
{
    public double AvgLatencyMs => Requests == 0 ? 0 : LatencyMsSum / Requests;
}
