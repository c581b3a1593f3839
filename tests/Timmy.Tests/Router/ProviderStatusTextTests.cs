using Timmy.Core.Router.Circuit;
using Timmy.Core.Router.Metrics;
using Timmy.Core.Router.Status;
using Timmy.Web.Components.Router;

namespace Timmy.Tests.Router;

public sealed class ProviderStatusTextTests
{
    [Theory]
    [InlineData(ProviderAvailability.Available, "ok: llama3.2 present", "available: llama3.2 present")]
    [InlineData(ProviderAvailability.Unavailable, "unavailable: HTTP 500", "unavailable: HTTP 500")]
    [InlineData(ProviderAvailability.Unavailable, "circuit open after 3 failure(s)", "unavailable: circuit open after 3 failure(s)")]
    [InlineData(ProviderAvailability.NotConfigured, "not configured: OPENAI_API_KEY is not set", "not configured: OPENAI_API_KEY is not set")]
    [InlineData(ProviderAvailability.Unknown, "not probed yet", "not probed yet")]
    [InlineData(ProviderAvailability.Available, null, "available")]
    public void Availability_SaysTheStateThenWhy(string availability, string? detail, string expected)
    {
        Assert.Equal(expected, ProviderStatusText.Availability(Status(availability, detail)));
    }

    [Theory]
    [InlineData(CircuitState.Closed, "closed")]
    [InlineData(CircuitState.Open, "open")]
    [InlineData(CircuitState.HalfOpen, "half-open")]
    public void Circuit_IsOneLowerCaseWord(CircuitState state, string expected)
    {
        Assert.Equal(expected, ProviderStatusText.Circuit(state));
    }

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(41.2, "42 s")]
    [InlineData(65, "1 min 05 s")]
    [InlineData(-3, "0 s")]
    public void Countdown_RoundsUpToWholeSeconds(double seconds, string expected)
    {
        Assert.Equal(expected, RouterFormat.Countdown(seconds));
    }

    private static ProviderStatus Status(string availability, string? detail) => new(
        "p", "ollama", 1, true, availability, detail, CircuitState.Closed, 0, null, null, null, null, null, [],
        new ProviderMetricsSnapshot(0, 0, 0, 0, 0, null, 0, 0, null, null, null), null, null, null);
}
