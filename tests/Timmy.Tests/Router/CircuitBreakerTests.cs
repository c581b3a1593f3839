using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Router.Circuit;

namespace Timmy.Tests.Router;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<CircuitTransition> _transitions = [];
    private readonly CircuitBreaker _breaker;

    public CircuitBreakerTests() =>
        _breaker = new CircuitBreaker(threshold: 3, TimeSpan.FromSeconds(60), halfOpenMaxCalls: 2, _time, _transitions.Add);

    [Fact]
    public void Failures_BelowThreshold_StayClosed()
    {
        Fail(2);

        Assert.Equal(CircuitState.Closed, _breaker.State);
    }

    [Fact]
    public void Failures_SuccessInBetween_ResetsTheConsecutiveCount()
    {
        Fail(2);
        _breaker.RecordSuccess(isTrial: false);
        Fail(2);

        Assert.Equal(CircuitState.Closed, _breaker.State);
    }

    [Fact]
    public void Failures_ThresholdConsecutive_OpensAndRejects()
    {
        Fail(3);

        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.False(_breaker.TryAcquire(out _));
        Assert.Equal(_time.GetUtcNow().AddSeconds(60), _breaker.Snapshot().HalfOpenAt);
    }

    [Fact]
    public void Open_RecoveryTimeoutElapsed_HalfOpensAndAdmitsExactlyTheTrialCalls()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(_breaker.TryAcquire(out _));

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(_breaker.TryAcquire(out var first));
        Assert.True(_breaker.TryAcquire(out var second));
        Assert.False(_breaker.TryAcquire(out _));
        Assert.True(first && second);
        Assert.Equal(CircuitState.HalfOpen, _breaker.State);
    }

    [Fact]
    public void HalfOpen_AllTrialsSucceed_Closes()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(60));
        _breaker.TryAcquire(out var a);
        _breaker.TryAcquire(out var b);

        _breaker.RecordSuccess(a);
        Assert.Equal(CircuitState.HalfOpen, _breaker.State);
        _breaker.RecordSuccess(b);

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.Equal(
            [(CircuitState.Closed, CircuitState.Open), (CircuitState.Open, CircuitState.HalfOpen), (CircuitState.HalfOpen, CircuitState.Closed)],
            _transitions.Select(t => (t.From, t.To)));
    }

    [Fact]
    public void HalfOpen_OneTrialFails_ReopensForAnotherRecoveryPeriod()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(60));
        _breaker.TryAcquire(out var trial);

        _breaker.RecordFailure(trial, "boom");

        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.False(_breaker.TryAcquire(out _));
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.True(_breaker.TryAcquire(out _));
        Assert.Contains("trial call failed: boom", _transitions[^2].Reason);
    }

    [Fact]
    public void HalfOpen_TrialAbandoned_FreesItsSlot()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(60));
        _breaker.TryAcquire(out var a);
        _breaker.TryAcquire(out _);

        _breaker.Release(a);

        Assert.True(_breaker.TryAcquire(out _));
    }

    [Fact]
    public void HalfOpen_TrialsNeverReport_AdmitsNewTrialsAfterRecoveryTimeout()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(60));
        _breaker.TryAcquire(out _);
        _breaker.TryAcquire(out _);
        Assert.False(_breaker.TryAcquire(out _));

        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.True(_breaker.TryAcquire(out _));
    }

    [Fact]
    public void Reset_WhileOpen_ClosesAndClearsFailures()
    {
        Fail(3);

        var transition = _breaker.Reset();

        Assert.Equal(CircuitState.Closed, transition!.To);
        Assert.Equal(0, _breaker.Snapshot().ConsecutiveFailures);
        Assert.True(_breaker.TryAcquire(out _));
    }

    [Fact]
    public void Transitions_IllegalMove_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CircuitTransitions.Ensure(CircuitState.Closed, CircuitState.HalfOpen, "x"));

        Assert.Equal("Circuit cannot move from Closed to HalfOpen.", error.Message);
    }

    private void Fail(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(_breaker.TryAcquire(out var trial));
            _breaker.RecordFailure(trial, "fail " + i);
        }
    }
}
