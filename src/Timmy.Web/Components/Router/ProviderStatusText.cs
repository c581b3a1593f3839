using Timmy.Core.Router.Circuit;
using Timmy.Core.Router.Status;

namespace Timmy.Web.Components.Router;

/// <summary>The words a provider card uses for its state (the only place they are written).</summary>
public static class ProviderStatusText
{
    private static readonly string[] DetailPrefixes = ["ok: ", "unavailable: ", "not configured: "];

    /// <summary>"available", "unavailable: connection refused", "not configured: OPENAI_API_KEY is not set"…</summary>
    public static string Availability(ProviderStatus provider)
    {
        var label = provider.Availability switch
        {
            ProviderAvailability.NotConfigured => "not configured",
            ProviderAvailability.Unknown => "not probed yet",
            var other => other,
        };
        var reason = provider.Detail is { } detail ? DetailPrefixes.Aggregate(detail, StripPrefix) : null;
        return string.IsNullOrEmpty(reason) || reason == label ? label : $"{label}: {reason}";
    }

    public static string Circuit(CircuitState state) => state switch
    {
        CircuitState.HalfOpen => "half-open",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string StripPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
}
