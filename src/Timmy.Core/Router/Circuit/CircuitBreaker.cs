namespace Timmy.Core.Router.Circuit;

/// <summary>
/// The spec's breaker, written out because Polly's built-in one is failure-ratio based with a single
/// half-open probe and cannot express "N consecutive failures" and "K half-open trial calls" exactly.
/// Polly still does the timeouts and retries (see <see cref="ProviderPipeline"/>); one call here is one
/// cascade attempt at a provider after its retries.
/// Closed → Open after <c>threshold</c> consecutive failures; Open → HalfOpen once the recovery timeout has
/// passed (checked on the next call or status read); HalfOpen admits <c>halfOpenMaxCalls</c> trials, closes
/// when all succeed, re-opens when one fails. A trial abandoned by caller cancellation frees its slot, and
/// a half-open period with no verdict for a whole recovery timeout admits new trials, so the circuit
/// always recovers. Every transition is handed to <c>onTransition</c>, which runs under the breaker's lock
/// and so must only queue work (the router queues an event-log write).
/// </summary>
public sealed class CircuitBreaker(
    int threshold, TimeSpan recoveryTimeout, int halfOpenMaxCalls, TimeProvider time, Action<CircuitTransition>? onTransition = null)
{
    private readonly Lock _gate = new();
    private CircuitState _state = CircuitState.Closed;
    private int _consecutiveFailures;
    private DateTimeOffset _changedAt = time.GetUtcNow();
    private int _trialsIssued;
    private int _trialsSucceeded;

    public CircuitState State
    {
        get { lock (_gate) { Advance(); return _state; } }
    }

    public CircuitSnapshot Snapshot()
    {
        lock (_gate)
        {
            Advance();
            DateTimeOffset? halfOpenAt = _state == CircuitState.Open ? _changedAt + recoveryTimeout : null;
            return new CircuitSnapshot(_state, _consecutiveFailures, _changedAt, halfOpenAt);
        }
    }

    /// <summary>Asks to place a call. False when the circuit rejects it; <paramref name="isTrial"/> says
    /// the call is a half-open trial and must report back with the same flag.</summary>
    public bool TryAcquire(out bool isTrial)
    {
        lock (_gate)
        {
            Advance();
            isTrial = false;
            switch (_state)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when _trialsIssued < halfOpenMaxCalls:
                    _trialsIssued++;
                    isTrial = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    public CircuitTransition? RecordSuccess(bool isTrial)
    {
        lock (_gate)
        {
            if (_state == CircuitState.HalfOpen && isTrial)
            {
                _trialsSucceeded++;
                return _trialsSucceeded >= halfOpenMaxCalls
                    ? Move(CircuitState.Closed, $"{_trialsSucceeded} trial call(s) succeeded")
                    : null;
            }
            if (_state == CircuitState.Closed)
            {
                _consecutiveFailures = 0;
            }
            return null;
        }
    }

    public CircuitTransition? RecordFailure(bool isTrial, string reason)
    {
        lock (_gate)
        {
            if (_state == CircuitState.HalfOpen && isTrial)
            {
                _consecutiveFailures++;
                return Move(CircuitState.Open, "trial call failed: " + reason);
            }
            if (_state != CircuitState.Closed)
            {
                return null;
            }
            _consecutiveFailures++;
            return _consecutiveFailures >= threshold
                ? Move(CircuitState.Open, $"{_consecutiveFailures} consecutive failures, last: {reason}")
                : null;
        }
    }

    /// <summary>A call ended without a verdict (the caller cancelled): frees its trial slot.</summary>
    public void Release(bool isTrial)
    {
        lock (_gate)
        {
            if (isTrial && _state == CircuitState.HalfOpen && _trialsIssued > _trialsSucceeded)
            {
                _trialsIssued--;
            }
        }
    }

    /// <summary>Owner reset: back to Closed with no failures counted. Null when already closed.</summary>
    public CircuitTransition? Reset()
    {
        lock (_gate)
        {
            Advance();
            _consecutiveFailures = 0;
            return _state == CircuitState.Closed ? null : Move(CircuitState.Closed, "reset by owner");
        }
    }

    private void Advance()
    {
        var now = time.GetUtcNow();
        if (_state == CircuitState.Open && now >= _changedAt + recoveryTimeout)
        {
            Move(CircuitState.HalfOpen, $"recovery timeout of {recoveryTimeout.TotalSeconds:0.#} s elapsed");
        }
        else if (_state == CircuitState.HalfOpen && _trialsIssued >= halfOpenMaxCalls && now >= _changedAt + recoveryTimeout)
        {
            // Trials that never reported back (lost calls) must not wedge the circuit.
            _trialsIssued = _trialsSucceeded;
            _changedAt = now;
        }
    }

    private CircuitTransition Move(CircuitState to, string reason)
    {
        var transition = CircuitTransitions.Ensure(_state, to, reason);
        _state = to;
        _changedAt = time.GetUtcNow();
        _trialsIssued = 0;
        _trialsSucceeded = 0;
        if (to == CircuitState.Closed)
        {
            _consecutiveFailures = 0;
        }
        onTransition?.Invoke(transition);
        return transition;
    }
}
