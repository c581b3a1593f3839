using Timmy.Core.Router.Metrics;

namespace Timmy.Web.Api.Router;

/// <summary>One provider's minute, for charts.</summary>
public sealed record RouterHistoryPoint(
    string Provider, DateTimeOffset Minute, long Requests, long Successes, long Failures, double AvgLatencyMs, long TokensIn, long TokensOut)
{
    public static RouterHistoryPoint From(MinuteBucket b) =>
        new(b.Provider, b.Minute, b.Requests, b.Successes, b.Failures, Math.Round(b.AvgLatencyMs, 2), b.TokensIn, b.TokensOut);
}
