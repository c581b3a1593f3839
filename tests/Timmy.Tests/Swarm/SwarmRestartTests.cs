using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Router;

namespace Timmy.Tests.Swarm;

/// <summary>What survives a restart: tasks a crash left open are failed with the reason (or re-auctioned when
/// configured), every agent is offline until it checks in, and the personas the owner left running start again.</summary>
public sealed class SwarmRestartTests : LoopbackSwarmTests
{
    protected override RouterHarness Configure(RouterHarness harness) => base.Configure(harness).Setting("Timmy:Swarm:AuctionSeconds", "15");

    /// <summary>A second server over the same data folder, started as the first was.</summary>
    private async Task<(RouterHarness Harness, SwarmHost Host)> RestartAsync(bool reauction = false)
    {
        await Services.GetRequiredService<SwarmHost>().StopAsync(Ct);
        var next = base.Configure(new RouterHarness(Harness.DataDirectory).Ollama(0, Ollama.BaseUrl))
            .Setting("Timmy:Swarm:ReauctionOnRecovery", reauction ? "true" : "false");
        await next.StartAsync();
        await next.Services.GetRequiredService<BidLearner>().LoadAsync(Ct);
        var host = next.Services.GetRequiredService<SwarmHost>();
        await host.StartAsync(Ct);
        return (next, host);
    }

    private static async Task StopAsync((RouterHarness Harness, SwarmHost Host) server)
    {
        await server.Host.StopAsync(CancellationToken.None);
        await server.Harness.DisposeAsync();
    }

    [Fact]
    public async Task TasksLeftOpen_AreFailedWithTheReason_AndAgentsAreOfflineUntilTheyCheckIn()
    {
        await Roster.RegisterRemoteAsync("scout", null, [], "tok", null, Ct);
        var bidding = await PostAsync("Debug the parser tests");
        var running = await Tasks.CreateAsync(new NewSwarmTask("Write the docs", 100, "owner", DateTimeOffset.UtcNow), _ => [], Ct);
        await Tasks.MoveAsync(new TaskChange(running.Id, SwarmTaskStatus.Assigned) { AssignedAgent = "quill", WinningBidSats = 60 }, _ => [], Ct);
        await Tasks.MoveAsync(new TaskChange(running.Id, SwarmTaskStatus.Running), _ => [], Ct);

        var server = await RestartAsync();
        try
        {
            var tasks = server.Harness.Services.GetRequiredService<ITaskStore>();
            var failed = await tasks.GetAsync(bidding.Id, Ct);
            Assert.Equal((SwarmTaskStatus.Failed, "interrupted: the server stopped while the task was bidding"), (failed!.Status, failed.Error));
            Assert.Equal("interrupted: the server stopped while the task was running", (await tasks.GetAsync(running.Id, Ct))!.Error);
            var agents = await server.Harness.Services.GetRequiredService<IAgentStore>().ListAsync(Ct);
            Assert.Equal(AgentStatus.Offline, agents.Single(a => a.Id == "scout").Status);
            Assert.Equal(["echo", "forge", "seer", "timmy"], agents.Where(a => a.IsOnline).Select(a => a.Id).Order());
        }
        finally
        {
            await StopAsync(server);
        }
    }

    [Fact]
    public async Task WithReauction_ABiddingTaskGetsANewAuction_AndARunningOneIsRepostedNamingIt()
    {
        var running = await Tasks.CreateAsync(new NewSwarmTask("Debug the parser tests", 100, "owner", DateTimeOffset.UtcNow), _ => [], Ct);
        await Tasks.MoveAsync(new TaskChange(running.Id, SwarmTaskStatus.Assigned) { AssignedAgent = "forge", WinningBidSats = 60 }, _ => [], Ct);
        var bidding = await Tasks.CreateAsync(new NewSwarmTask("Research the parser", 100, "owner", DateTimeOffset.UtcNow), _ => [], Ct);

        var server = await RestartAsync(reauction: true);
        try
        {
            var tasks = server.Harness.Services.GetRequiredService<ITaskStore>();
            Assert.Equal(SwarmTaskStatus.Failed, (await tasks.GetAsync(running.Id, Ct))!.Status);
            var repost = Assert.Single((await tasks.ListAsync(new TaskQuery(), Ct)).Items, t => t.RepostedFrom == running.Id);
            Assert.Equal("Debug the parser tests", repost.Description);
            Assert.NotEqual(SwarmTaskStatus.Failed, (await tasks.GetAsync(bidding.Id, Ct))!.Status);
            Assert.NotEmpty(await tasks.BidsAsync(bidding.Id, Ct));
        }
        finally
        {
            await StopAsync(server);
        }
    }

    [Fact]
    public async Task PersonasTheOwnerLeftRunning_StartAgain_AndStoppedOnesStayStopped()
    {
        await Roster.SpawnAsync("quill", "owner", Ct);
        await Roster.StopAsync("echo", "owner", Ct);

        var server = await RestartAsync();
        try
        {
            var roster = server.Harness.Services.GetRequiredService<AgentRoster>();
            Assert.Equal(["forge", "quill", "seer", "timmy"], roster.Online.Select(e => e.Agent.Id).Order());
        }
        finally
        {
            await StopAsync(server);
        }
    }
}
