using Polly;
using Polly.Retry;

namespace Timmy.Core.Router;

/// <summary>Polly for the mechanics of one provider call: retries on transient errors only (exponential,
/// jittered back-off) around a per-attempt timeout. The circuit breaker sits outside this pipeline (see
/// <see cref="Circuit.CircuitBreaker"/>), so one breaker verdict is one call after its retries.</summary>
public static class ProviderPipeline
{
    public static ResiliencePipeline Build(RouterOptions options, TimeProvider time, Action? onRetry = null)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested &&
                    args.Outcome.Exception is { } ex && TransientErrors.IsTransient(ex)),
                OnRetry = _ =>
                {
                    onRetry?.Invoke();
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.AddTimeout(options.Timeout).Build();
    }
}
