using System.Diagnostics.Metrics;

namespace Timmy.Core.Router.Metrics;

/// <summary>The router's System.Diagnostics.Metrics instruments (meter <c>Timmy.Router</c>), for
/// OpenTelemetry or dotnet-counters. The meter comes from the host's <see cref="IMeterFactory"/>, which owns
/// and disposes it. The <c>/metrics</c> endpoint reads the router's own snapshot instead.</summary>
public sealed class RouterMeter
{
    public const string MeterName = "Timmy.Router";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _ttft;
    private readonly Counter<long> _tokens;

    public RouterMeter(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("timmy.router.requests", "{request}", "Calls placed with a provider, by outcome.");
        _latency = _meter.CreateHistogram<double>("timmy.router.latency", "ms", "Provider call latency.");
        _ttft = _meter.CreateHistogram<double>("timmy.router.time_to_first_token", "ms", "Streaming: time until the first token.");
        _tokens = _meter.CreateCounter<long>("timmy.router.tokens", "{token}", "Tokens in and out, by provider.");
    }

    public void Success(string provider, double latencyMs, double? ttftMs, long tokensIn, long tokensOut)
    {
        var tag = new KeyValuePair<string, object?>("provider", provider);
        _requests.Add(1, tag, new("outcome", "success"));
        _latency.Record(latencyMs, tag);
        if (ttftMs is { } t)
        {
            _ttft.Record(t, tag);
        }
        _tokens.Add(tokensIn, tag, new("direction", "in"));
        _tokens.Add(tokensOut, tag, new("direction", "out"));
    }

    public void Failure(string provider, double latencyMs)
    {
        var tag = new KeyValuePair<string, object?>("provider", provider);
        _requests.Add(1, tag, new("outcome", "failure"));
        _latency.Record(latencyMs, tag);
    }

    /// <summary>Registers an observable gauge of each provider's circuit state (0 closed, 1 open, 2 half-open).</summary>
    public void ObserveCircuits(Func<IEnumerable<Measurement<int>>> observe) =>
        _meter.CreateObservableGauge("timmy.router.circuit_state", observe, description: "CircuitState: 0 closed, 1 open, 2 half-open.");
}
