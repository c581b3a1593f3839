using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Timmy.Core.Router.Metrics;

namespace Timmy.Tests.Router;

/// <summary>The router's instruments come from the container's <see cref="IMeterFactory"/> and record calls.</summary>
public sealed class RouterMeterTests : LoopbackRouterTests
{
    [Fact]
    public async Task Call_Answered_CountsASuccessForTheProviderAndObservesCircuits()
    {
        await Harness.StartAsync();
        var factory = Harness.Services.GetRequiredService<IMeterFactory>();
        using var requests = new MetricCollector<long>(factory, RouterMeter.MeterName, "timmy.router.requests");
        using var circuits = new MetricCollector<int>(factory, RouterMeter.MeterName, "timmy.router.circuit_state");

        await Harness.AskAsync();
        circuits.RecordObservableInstruments();

        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal((1, "ollama", "success"), (request.Value, request.Tags["provider"], request.Tags["outcome"]));
        Assert.Equal(["ollama", "openai"], circuits.GetMeasurementSnapshot().Select(m => m.Tags["provider"]).Order());
        Assert.All(circuits.GetMeasurementSnapshot(), m => Assert.Equal(0, m.Value));
    }
}
