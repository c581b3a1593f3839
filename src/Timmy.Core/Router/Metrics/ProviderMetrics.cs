namespace Timmy.Core.Router.Metrics;

/// <summary>One provider's running metrics, updated on every call and flushed to the store. p95 comes from
/// the last <see cref="SampleCount"/> latencies, which are persisted too so a restart keeps it.</summary>
public sealed class ProviderMetrics(string provider, TimeProvider time)
{
    public const int SampleCount = 256;

    private readonly Lock _gate = new();
    private readonly double[] _samples = new double[SampleCount];
    private int _sampleCount;
    private int _sampleNext;
    private long _requests, _successes, _failures, _ttftCount, _tokensIn, _tokensOut;
    private double _latencySum, _ttftSum;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt, _lastSuccessAt;
    private Dictionary<DateTimeOffset, MinuteBucket> _pending = [];

    public string Provider => provider;

    public void RecordSuccess(double latencyMs, double? ttftMs, long tokensIn, long tokensOut)
    {
        lock (_gate)
        {
            _requests++;
            _successes++;
            _latencySum += latencyMs;
            AddSample(latencyMs);
            if (ttftMs is { } t)
            {
                _ttftSum += t;
                _ttftCount++;
            }
            _tokensIn += tokensIn;
            _tokensOut += tokensOut;
            _lastSuccessAt = time.GetUtcNow();
            AddToMinute(1, 0, latencyMs, tokensIn, tokensOut);
        }
    }

    public void RecordFailure(double latencyMs, string error)
    {
        lock (_gate)
        {
            _requests++;
            _failures++;
            _latencySum += latencyMs;
            AddSample(latencyMs);
            _lastError = error;
            _lastErrorAt = time.GetUtcNow();
            AddToMinute(0, 1, latencyMs, 0, 0);
        }
    }

    public ProviderMetricsSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ProviderMetricsSnapshot(
                _requests, _successes, _failures,
                _requests == 0 ? 0 : Math.Round(_latencySum / _requests, 2),
                Math.Round(P95(), 2),
                _ttftCount == 0 ? null : Math.Round(_ttftSum / _ttftCount, 2),
                _tokensIn, _tokensOut, _lastError, _lastErrorAt, _lastSuccessAt);
        }
    }

    public ProviderMetricsState ToState(string circuitState)
    {
        lock (_gate)
        {
            return new ProviderMetricsState(provider, _requests, _successes, _failures, _latencySum, OrderedSamples(),
                _ttftSum, _ttftCount, _tokensIn, _tokensOut, _lastError, _lastErrorAt, _lastSuccessAt, circuitState);
        }
    }

    /// <summary>Adds persisted totals to what this process counted so far (loaded once at start).</summary>
    public void Merge(ProviderMetricsState saved)
    {
        lock (_gate)
        {
            var recent = OrderedSamples();
            _sampleCount = 0;
            _sampleNext = 0;
            foreach (var sample in saved.LatencySamples.Concat(recent))
            {
                AddSample(sample);
            }
            _requests += saved.Requests;
            _successes += saved.Successes;
            _failures += saved.Failures;
            _latencySum += saved.LatencyMsSum;
            _ttftSum += saved.TtftMsSum;
            _ttftCount += saved.TtftCount;
            _tokensIn += saved.TokensIn;
            _tokensOut += saved.TokensOut;
            if (_lastErrorAt is null || saved.LastErrorAt > _lastErrorAt)
            {
                (_lastError, _lastErrorAt) = (saved.LastError ?? _lastError, saved.LastErrorAt ?? _lastErrorAt);
            }
            _lastSuccessAt = Max(_lastSuccessAt, saved.LastSuccessAt);
        }
    }

    /// <summary>Hands over the per-minute deltas not yet saved.</summary>
    public IReadOnlyList<MinuteBucket> TakePendingMinutes()
    {
        lock (_gate)
        {
            var taken = _pending.Values.ToList();
            _pending = [];
            return taken;
        }
    }

    private void AddToMinute(long successes, long failures, double latencyMs, long tokensIn, long tokensOut)
    {
        var now = time.GetUtcNow();
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        _pending.TryGetValue(minute, out var b);
        b ??= new MinuteBucket(provider, minute, 0, 0, 0, 0, 0, 0);
        _pending[minute] = b with
        {
            Requests = b.Requests + 1, Successes = b.Successes + successes, Failures = b.Failures + failures,
            LatencyMsSum = b.LatencyMsSum + latencyMs, TokensIn = b.TokensIn + tokensIn, TokensOut = b.TokensOut + tokensOut,
        };
    }

    private void AddSample(double value)
    {
        _samples[_sampleNext] = value;
        _sampleNext = (_sampleNext + 1) % SampleCount;
        _sampleCount = Math.Min(_sampleCount + 1, SampleCount);
    }

    private double[] OrderedSamples()
    {
        var start = _sampleCount < SampleCount ? 0 : _sampleNext;
        return Enumerable.Range(0, _sampleCount).Select(i => _samples[(start + i) % SampleCount]).ToArray();
    }

    private double P95()
    {
        if (_sampleCount == 0)
        {
            return 0;
        }
        var sorted = _samples.AsSpan(0, _sampleCount).ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(0.95 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
