using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Timmy.Core.Router.Metrics;

namespace Timmy.Core.Router;

/// <summary>
/// The cascade (ADR-020) as an <see cref="IChatClient"/>: every LLM call in the product goes through here.
/// Providers are tried in <see cref="ProviderRegistry.CascadeOrder"/>; each call passes the provider's
/// circuit breaker, then its Polly pipeline (retries on transient errors, per-attempt timeout). Streaming
/// fails over only until the first update has reached the caller. When no provider answers,
/// <see cref="NoProviderAvailableException"/> lists each one and why.
/// </summary>
public sealed class CascadeRouter(ProviderRegistry registry, RouterEvents events, RouterMeter meter, TimeProvider time) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var attempts = new List<ProviderAttempt>();
        var started = time.GetTimestamp();
        foreach (var (provider, isTrial, model, call) in Admitted(registry, options, attempts))
        {
            var attemptStart = time.GetTimestamp();
            try
            {
                var response = await provider.Pipeline.ExecuteAsync(
                    static async (state, ct) => await state.Chat.GetResponseAsync(state.list, state.call, ct),
                    (Chat: provider.Client.Chat!, list, call), cancellationToken);
                var latency = Ms(attemptStart);
                Succeeded(provider, isTrial, latency, null, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
                response.SetRouting(Routing(provider, response.ModelId ?? model, attempts) with { LatencyMs = Ms(started) });
                return response;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                provider.Breaker.Release(isTrial);
                throw;
            }
            catch (ProviderUnavailableException ex)
            {
                Unavailable(provider, isTrial, ex, attempts);
            }
            catch (Exception ex)
            {
                Failed(provider, isTrial, Ms(attemptStart), ex, attempts);
            }
        }
        throw new NoProviderAvailableException(attempts);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var attempts = new List<ProviderAttempt>();
        foreach (var (provider, isTrial, model, call) in Admitted(registry, options, attempts))
        {
            var attemptStart = time.GetTimestamp();
            OpenStream? stream = null;
            try
            {
                stream = await provider.Pipeline.ExecuteAsync(
                    static async (state, ct) => await OpenStream.StartAsync(state.provider, state.list, state.call, state.cancellationToken, ct),
                    (provider, list, call, cancellationToken), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                provider.Breaker.Release(isTrial);
                throw;
            }
            catch (ProviderUnavailableException ex)
            {
                Unavailable(provider, isTrial, ex, attempts);
                continue;
            }
            catch (Exception ex)
            {
                Failed(provider, isTrial, Ms(attemptStart), ex, attempts);
                continue;
            }

            // From here on tokens have reached the caller: no failover.
            await using (stream)
            {
                var ttft = Ms(attemptStart);
                var usage = new UsageTotals();
                var first = stream.Current;
                var routing = Routing(provider, first.ModelId ?? model, attempts) with { TimeToFirstTokenMs = ttft };
                first.SetRouting(routing);
                usage.Add(first);
                yield return first;
                while (true)
                {
                    ChatResponseUpdate update;
                    try
                    {
                        if (!await stream.MoveNextAsync())
                        {
                            break;
                        }
                        update = stream.Current;
                    }
                    catch (Exception) when (cancellationToken.IsCancellationRequested)
                    {
                        // Stopped by the caller, however the client reports it (a cancellation, or a read cut short):
                        // neither a success nor the provider's failure.
                        provider.Breaker.Release(isTrial);
                        cancellationToken.ThrowIfCancellationRequested();
                        throw;
                    }
                    catch (Exception ex)
                    {
                        Failed(provider, isTrial, Ms(attemptStart), ex, attempts);
                        throw new ProviderStreamInterruptedException(provider.Name, ex);
                    }
                    update.SetRouting(routing);
                    usage.Add(update);
                    yield return update;
                }
                // Some clients (OllamaSharp) end a cancelled stream quietly instead of throwing: a cut-off
                // answer is neither a success nor the provider's failure.
                if (cancellationToken.IsCancellationRequested)
                {
                    provider.Breaker.Release(isTrial);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                Succeeded(provider, isTrial, Ms(attemptStart), ttft, usage.In, usage.Out);
            }
            yield break;
        }
        throw new NoProviderAvailableException(attempts);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // Providers belong to the registry, which the container disposes.
    }

    /// <summary>The providers in cascade order that may be called now, each admitted (its breaker asked) only when
    /// the caller moves on to it; the ones passed over are noted in <paramref name="attempts"/>.</summary>
    private static IEnumerable<(ProviderRuntime Provider, bool IsTrial, string? Model, ChatOptions Call)> Admitted(
        ProviderRegistry registry, ChatOptions? options, List<ProviderAttempt> attempts)
    {
        foreach (var provider in registry.CascadeOrder())
        {
            if (TryAdmit(provider, attempts, out var isTrial))
            {
                var model = provider.ResolveModel(options?.ModelId);
                yield return (provider, isTrial, model, WithModel(options, model));
            }
        }
    }

    private static bool TryAdmit(ProviderRuntime provider, List<ProviderAttempt> attempts, out bool isTrial)
    {
        isTrial = false;
        if (provider.SkipReason() is { } reason)
        {
            attempts.Add(new ProviderAttempt(provider.Name, true, reason));
            return false;
        }
        if (!provider.Breaker.TryAcquire(out isTrial))
        {
            var snapshot = provider.Breaker.Snapshot();
            attempts.Add(new ProviderAttempt(provider.Name, true, snapshot.HalfOpenAt is { } at
                ? $"circuit open until {at:HH:mm:ss} UTC"
                : "circuit half-open, trial calls in progress"));
            return false;
        }
        return true;
    }

    private void Succeeded(ProviderRuntime provider, bool isTrial, double latencyMs, double? ttftMs, long tokensIn, long tokensOut)
    {
        provider.Breaker.RecordSuccess(isTrial);
        provider.Metrics.RecordSuccess(latencyMs, ttftMs, tokensIn, tokensOut);
        meter.Success(provider.Name, latencyMs, ttftMs, tokensIn, tokensOut);
    }

    private void Failed(ProviderRuntime provider, bool isTrial, double latencyMs, Exception ex, List<ProviderAttempt> attempts)
    {
        var reason = ErrorText.Describe(ex);
        provider.Breaker.RecordFailure(isTrial, reason);
        provider.Metrics.RecordFailure(latencyMs, reason);
        meter.Failure(provider.Name, latencyMs);
        attempts.Add(new ProviderAttempt(provider.Name, false, reason));
    }

    private static void Unavailable(ProviderRuntime provider, bool isTrial, ProviderUnavailableException ex, List<ProviderAttempt> attempts)
    {
        provider.Breaker.Release(isTrial);
        attempts.Add(new ProviderAttempt(provider.Name, true, "unavailable: " + ex.Reason));
    }

    private RoutingInfo Routing(ProviderRuntime provider, string? model, List<ProviderAttempt> attempts)
    {
        var primary = registry.Primary;
        var fallback = primary is not null && primary != provider;
        // A primary whose probe failed is tried last without being passed over: no event for that.
        if (fallback && attempts.Count > 0)
        {
            events.Fallback(primary!.Name, provider.Name, attempts.ToArray());
        }
        return new RoutingInfo(provider.Name, model, fallback);
    }

    private static ChatOptions WithModel(ChatOptions? options, string? model)
    {
        var call = options?.Clone() ?? new ChatOptions();
        call.ModelId = model;
        return call;
    }

    private double Ms(long start) => time.GetElapsedTime(start).TotalMilliseconds;
}
