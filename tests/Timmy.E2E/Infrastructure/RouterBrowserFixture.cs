namespace Timmy.E2E.Infrastructure;

/// <summary>The browser fixture with a breaker that opens after two failed calls to the fake Ollama and
/// stays open long enough for a test to look at it.</summary>
public sealed class RouterBrowserFixture : BrowserFixture
{
    public const int CircuitBreakerThreshold = 2;

    protected override IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>
    {
        ["Timmy__Router__CircuitBreakerThreshold"] = CircuitBreakerThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Timmy__Router__Retries"] = "0",
        ["Timmy__Router__RecoveryTimeout"] = "00:10:00",
    };
}
