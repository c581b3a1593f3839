using Timmy.Core.Router.Circuit;

namespace Timmy.Core.Router.Status;

/// <summary>Turns a running provider into its status card.</summary>
public static class ProviderStatusFactory
{
    public static ProviderStatus Create(ProviderRuntime provider, DateTimeOffset now)
    {
        var circuit = provider.Breaker.Snapshot();
        var probe = provider.LastProbe;
        var (availability, detail) = Availability(provider, circuit, probe);
        return new ProviderStatus(
            provider.Name,
            provider.Options.Type,
            provider.Options.Priority,
            provider.Enabled,
            availability,
            detail,
            circuit.State,
            circuit.ConsecutiveFailures,
            circuit.HalfOpenAt,
            circuit.HalfOpenAt is { } at ? Math.Max(0, Math.Round((at - now).TotalSeconds, 1)) : null,
            SafeUrl(provider.Options.Url),
            provider.Options.ApiKeyEnv,
            provider.Options.DefaultModel,
            provider.Options.Models.Select(m => new ProviderModelInfo(m.Name, m.Name == provider.Options.DefaultModel, m.ContextWindow)).ToList(),
            provider.Metrics.Snapshot(),
            probe?.At,
            probe?.Result.Available,
            probe?.Result.Detail);
    }

    private static (string, string?) Availability(ProviderRuntime provider, CircuitSnapshot circuit, ProviderRuntime.ProbeRecord? probe)
    {
        if (!provider.Client.IsReady)
        {
            var reason = provider.Client.UnavailableReason ?? "unavailable";
            return (reason.StartsWith("not configured", StringComparison.Ordinal) ? ProviderAvailability.NotConfigured : ProviderAvailability.Unavailable, reason);
        }
        if (!provider.Enabled)
        {
            return (ProviderAvailability.Disabled, provider.DisabledByOwner ? "turned off by the owner" : "turned off in the configuration (Enabled: false)");
        }
        if (circuit.State == CircuitState.Open)
        {
            return (ProviderAvailability.Unavailable, $"circuit open after {circuit.ConsecutiveFailures} failure(s)");
        }
        return probe is null
            ? (ProviderAvailability.Unknown, "not probed yet")
            : (probe.Result.Available ? ProviderAvailability.Available : ProviderAvailability.Unavailable, probe.Result.Detail);
    }

    /// <summary>Scheme, host, port and path only: user info or a query could carry a secret.</summary>
    private static string? SafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}" : null;
}
