using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Swarm;

/// <summary>A remote agent that stops checking in goes offline once the heartbeat timeout has passed, and comes back
/// with its next heartbeat. Time is a <see cref="FakeTimeProvider"/>, so the sweep runs when the test moves the clock.</summary>
public sealed class HeartbeatTimeoutTests : IAsyncLifetime
{
    private readonly FakeClockWebFactory _factory = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Timmy:Swarm:HeartbeatTimeoutSeconds"] = "5";
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task SilentAgent_GoesOfflineAfterTheTimeout_AndAHeartbeatBringsItBack()
    {
        var owner = await _factory.CreateOwnerClientAsync(ApiScopes.SwarmRead);
        var agent = new RemoteAgentClient(await _factory.CreateOwnerClientAsync(ApiScopes.AgentsRemote), "quiet-box");
        await agent.RegisterAsync();

        _factory.Clock.Advance(TimeSpan.FromSeconds(4));
        await _factory.Service<AgentRoster>().ExpireSilentAsync(Ct);
        var withinTimeout = await StatusAsync(owner);
        _factory.Clock.Advance(SwarmHost.SweepInterval);
        await Eventually.TrueAsync(async () => await StatusAsync(owner) == "offline", "the sweep to take the silent agent offline");
        var back = await agent.HeartbeatAsync();

        Assert.Equal("idle", withinTimeout);
        var left = (await _factory.Service<EventReader>().TimelineAsync(null, "quiet-box", Ct)).Single(e => e.EventType == EventType.AgentLeft);
        Assert.Contains("missed its heartbeat", left.Data.GetRawText());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("idle", (await back.BodyAsync()).GetProperty("status").GetString());
        Assert.Equal("idle", await StatusAsync(owner));
    }

    private static async Task<string?> StatusAsync(HttpClient owner) =>
        (await owner.GetJsonAsync("/api/v1/agents/quiet-box")).GetProperty("status").GetString();

    /// <summary>The host with a clock the test moves.</summary>
    private sealed class FakeClockWebFactory : TimmyWebFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
