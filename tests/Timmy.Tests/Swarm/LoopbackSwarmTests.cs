using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Events;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router;

namespace Timmy.Tests.Swarm;

/// <summary>Base for tests of the swarm's services on the fake clock, over the real cascade router and its loopback
/// fakes (Ollama answers first). The swarm starts as the server starts it (learner loaded, Timmy and the default
/// personas joined, recovery run); a class adds settings by overriding <see cref="Configure"/> and calling this one.</summary>
public abstract class LoopbackSwarmTests : LoopbackRouterTests
{
    private SwarmHost? _host;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IServiceProvider Services => Harness.Services;
    protected SwarmCoordinator Coordinator => Services.GetRequiredService<SwarmCoordinator>();
    protected AuctionHouse Auctions => Services.GetRequiredService<AuctionHouse>();
    protected AgentRoster Roster => Services.GetRequiredService<AgentRoster>();
    protected ITaskStore Tasks => Services.GetRequiredService<ITaskStore>();
    protected IAgentStore Agents => Services.GetRequiredService<IAgentStore>();

    protected override RouterHarness Configure(RouterHarness harness) =>
        harness.Set("Retries", "0").Setting("Timmy:Swarm:AuctionSeconds", "0").With(services => services.AddSwarm());

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Harness.StartAsync();
        await StartSwarmAsync();
    }

    /// <summary>Starts the swarm as the server does (a test that restarts calls it on a new harness).</summary>
    protected async Task StartSwarmAsync()
    {
        await Services.GetRequiredService<BidLearner>().LoadAsync(Ct);
        _host = Services.GetRequiredService<SwarmHost>();
        await _host.StartAsync(Ct);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
        }
        await base.DisposeAsync();
    }

    protected Task<SwarmTask> PostAsync(string description, long? maxBid = null) =>
        Coordinator.PostAsync(new TaskPost(description, maxBid), "owner", "owner", Ct);

    protected Task<SwarmTask> FinishedAsync(string taskId) => Tasks.FinishedAsync(taskId);

    protected Task<SwarmTask> InStatusAsync(string taskId, string status) => Tasks.InStatusAsync(taskId, status);

    /// <summary>Events logged for a task, oldest first.</summary>
    protected async Task<IReadOnlyList<EventRecord>> TimelineAsync(string taskId) =>
        await Services.GetRequiredService<EventReader>().TimelineAsync(taskId, null);
}
