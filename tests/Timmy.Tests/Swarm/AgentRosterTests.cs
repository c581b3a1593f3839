using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Events;
using Timmy.Core.Refusals;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router;

namespace Timmy.Tests.Swarm;

/// <summary>Who is online: Timmy always, the personas the owner runs, remote agents while their heartbeats arrive.</summary>
public sealed class AgentRosterTests : LoopbackSwarmTests
{
    protected override RouterHarness Configure(RouterHarness harness) =>
        base.Configure(harness).Setting("Timmy:Swarm:HeartbeatTimeoutSeconds", "60").Setting("Timmy:Swarm:AuctionSeconds", "15");

    [Fact]
    public void AtStart_TimmyAndTheDefaultPersonas_AreOnline()
    {
        Assert.Equal(["echo", "forge", "seer", "timmy"], Roster.Online.Select(e => e.Agent.Id).Order());
        Assert.All(Roster.Online, e => Assert.NotNull(e.Persona));
    }

    [Fact]
    public async Task AStoppedPersona_StopsBiddingAtOnce()
    {
        await Roster.StopAsync("forge", "owner", Ct);

        var task = await PostAsync("Debug the parser tests");

        Assert.DoesNotContain(await Tasks.BidsAsync(task.Id, Ct), b => b.AgentId == "forge");
        Assert.Equal(AgentStatus.Offline, (await Agents.GetAsync("forge", Ct))!.Status);
        var left = (await Services.GetRequiredService<EventReader>().TimelineAsync(null, "forge", Ct))[^1];
        Assert.Equal((EventType.AgentLeft, "owner"), (left.EventType, left.Actor));
    }

    [Fact]
    public async Task Timmy_CannotBeStopped_AndUnknownPersonas_AreNotFound()
    {
        await Assert.ThrowsAsync<AgentConflictException>(() => Roster.StopAsync("timmy", "owner", Ct));
        await Assert.ThrowsAsync<PersonaNotFoundException>(() => Roster.SpawnAsync("zorro", "owner", Ct));
    }

    [Fact]
    public async Task ASpawnedPersona_BidsOnItsSpeciality()
    {
        await Roster.SpawnAsync("quill", "owner", Ct);

        var task = await PostAsync("Edit the documentation and proofread the writing");
        var done = await FinishedAsync(task.Id);

        Assert.Equal("quill", done.AssignedAgent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Has Caps")]
    [InlineData("-dash-first")]
    [InlineData("forge")]
    public async Task RemoteRegistration_WithABadOrTakenId_IsRefused(string id)
    {
        var refused = await Assert.ThrowsAnyAsync<RefusalException>(() => Roster.RegisterRemoteAsync(id, null, [], "tok", null, Ct));

        Assert.True(refused is InvalidFieldException or AgentConflictException);
        Assert.DoesNotContain(await Agents.ListAsync(Ct), a => a.Kind == AgentKind.Remote);
    }

    [Fact]
    public async Task ARemoteAgentsId_BelongsToTheTokenThatRegisteredIt()
    {
        await Roster.RegisterRemoteAsync("scout", "Scout", ["coding"], "tok-a", null, Ct);

        await Assert.ThrowsAsync<AgentAccessDeniedException>(() => Roster.RegisterRemoteAsync("scout", "Mine now", [], "tok-b", null, Ct));
        await Assert.ThrowsAsync<AgentAccessDeniedException>(() => Roster.HeartbeatAsync("scout", "tok-b", Ct));
        Assert.Equal("Scout", (await Agents.GetAsync("scout", Ct))!.Name);
    }

    [Fact]
    public async Task ASilentRemoteAgent_GoesOffline_AndItsNextHeartbeat_BringsItBack()
    {
        var registered = await Roster.RegisterRemoteAsync("scout", null, [], "tok", null, Ct);

        Harness.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await Roster.ExpireSilentAsync(Ct));
        Harness.Time.Advance(TimeSpan.FromSeconds(6)); // past the timeout, and past the swarm's next 5 s sweep
        await Eventually.TrueAsync(() => Task.FromResult(Roster.Find("scout") is null), "scout to go offline");
        Assert.Equal(AgentStatus.Offline, (await Agents.GetAsync("scout", Ct))!.Status);

        await Roster.HeartbeatAsync("scout", "tok", Ct);

        var back = await Agents.GetAsync("scout", Ct);
        Assert.Equal(AgentStatus.Idle, back!.Status);
        Assert.Equal(registered.RegisteredAt, back.RegisteredAt);
        Assert.NotNull(Roster.Find("scout"));
    }

    [Fact]
    public async Task FrequentHeartbeats_KeepTheAgentOnline_AndAreStoredAtMostEveryQuarterOfTheTimeout()
    {
        var registered = await Roster.RegisterRemoteAsync("scout", null, [], "tok", null, Ct);

        for (var i = 0; i < 12; i++)
        {
            Harness.Time.Advance(TimeSpan.FromSeconds(10));
            await Roster.HeartbeatAsync("scout", "tok", Ct);
        }
        var stored = await Agents.GetAsync("scout", Ct);

        Assert.NotNull(Roster.Find("scout"));
        Assert.Equal(AgentStatus.Idle, stored!.Status);
        var behind = Harness.Time.GetUtcNow() - stored.LastSeen;
        Assert.InRange(behind, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.True(stored.LastSeen > registered.LastSeen);
    }

    [Fact]
    public async Task ReRegistering_KeepsTheAgentsHistory()
    {
        var first = await Roster.RegisterRemoteAsync("scout", "Scout", ["coding"], "tok", null, Ct);
        var task = await PostAsync("Debug the parser tests");
        await Auctions.BidAsync(task.Id, "scout", 1, null, null, Ct);
        await InStatusAsync(task.Id, SwarmTaskStatus.Assigned);
        Harness.Time.Advance(TimeSpan.FromMinutes(5));

        var again = await Roster.RegisterRemoteAsync("scout", "Scout 2", ["coding", "testing"], "tok", null, Ct);

        Assert.Equal(first.RegisteredAt, again.RegisteredAt);
        Assert.Equal(["coding", "testing"], again.Capabilities);
        Assert.Equal(1, (await Agents.StatsAsync(Ct))["scout"].TasksWon);
    }
}
