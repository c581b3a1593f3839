using Microsoft.Extensions.Logging;
using Timmy.Core.Events;
using Timmy.Core.Router.Circuit;

namespace Timmy.Core.Router;

/// <summary>Writes the router's provider.* events through the one event path. Writes are queued off the call
/// path (a breaker transition happens under its lock) and a failed write is logged, never thrown.</summary>
public sealed class RouterEvents(IEventLog eventLog, ILogger<RouterEvents> logger)
{
    public const string Source = "router";

    public void CircuitChanged(ProviderRuntime provider, CircuitTransition transition)
    {
        var type = transition.To switch
        {
            CircuitState.Open => EventType.ProviderCircuitOpened,
            CircuitState.HalfOpen => EventType.ProviderCircuitHalfOpened,
            _ => EventType.ProviderCircuitClosed,
        };
        logger.LogInformation("Provider {Provider} circuit {From} -> {To}: {Reason}", provider.Name, transition.From, transition.To, transition.Reason);
        Queue(type, new { provider = provider.Name, from = Snake(transition.From), to = Snake(transition.To), reason = transition.Reason });
    }

    public void Fallback(string primary, string answeredBy, IReadOnlyList<ProviderAttempt> attempts) =>
        Queue(EventType.ProviderFallback, new
        {
            provider = answeredBy,
            primary,
            passed_over = attempts.Select(a => new { provider = a.Provider, skipped = a.Skipped, reason = a.Reason }).ToArray(),
        });

    public void EnabledChanged(string provider, bool enabled) =>
        Queue(enabled ? EventType.ProviderEnabled : EventType.ProviderDisabled, new { provider });

    public void ProbeChanged(string provider, ProviderProbeResult result) =>
        Queue(EventType.ProviderProbed, new { provider, available = result.Available, detail = result.Detail });

    private void Queue(string type, object data) => _ = WriteAsync(type, data);

    private async Task WriteAsync(string type, object data)
    {
        await Task.Yield();
        try
        {
            await eventLog.LogAsync(type, Source, data: data);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not log router event {Type}", type);
        }
    }

    private static string Snake(CircuitState state) => state switch
    {
        CircuitState.HalfOpen => "half_open",
        _ => state.ToString().ToLowerInvariant(),
    };
}
