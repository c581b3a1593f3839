using System.Net;
using System.Net.Http.Json;
using Timmy.Core.Security;
using Timmy.Core.Swarm.Agents;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Swarm;

/// <summary>Who may do what: reading, writing and the remote-agent protocol each need their scope; a token acts only for
/// the agents it registered; the signed-in dashboard (no token) cannot act as a remote agent.</summary>
public sealed class SwarmScopeTests : SwarmApiTests
{
    protected override (string Key, string Value)[] Settings => [("Timmy:Swarm:AuctionSeconds", "30")];

    [Fact]
    public async Task ReadToken_CannotPostATask_Returns403NamingTheScope_AndStoresNothing()
    {
        var reader = await Host.Factory.CreateOwnerClientAsync(ApiScopes.SwarmRead);

        var response = await reader.PostAsJsonAsync("/api/v1/tasks", new { description = "Write a poem" }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ApiScopes.SwarmWrite, problem.GetProperty("required_scope").GetString());
        Assert.Equal(0, await Host.Tasks.TaskCountAsync());
    }

    [Theory]
    [InlineData("POST", "/api/v1/personas/mace/spawn", ApiScopes.SwarmWrite)]
    [InlineData("GET", "/api/v1/tasks", ApiScopes.SwarmRead)]
    [InlineData("GET", "/api/v1/agents", ApiScopes.SwarmRead)]
    public async Task RemoteToken_CannotUseTheOwnersEndpoints(string method, string path, string needed)
    {
        var remote = await Host.Factory.CreateOwnerClientAsync(ApiScopes.AgentsRemote);

        var response = await remote.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(needed, problem.GetProperty("required_scope").GetString());
        Assert.DoesNotContain("mace", (await Host.Factory.Service<IAgentStore>().ListAsync(Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task WriteToken_CannotActAsARemoteAgent()
    {
        var writer = await Host.Factory.CreateOwnerClientAsync(ApiScopes.SwarmWrite, ApiScopes.SwarmRead);

        var response = await new RemoteAgentClient(writer, "gpu-box").RegisterAsync();

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ApiScopes.AgentsRemote, problem.GetProperty("required_scope").GetString());
    }

    [Fact]
    public async Task AnotherToken_CannotActForMyAgent()
    {
        var mine = new RemoteAgentClient(await Host.Factory.CreateOwnerClientAsync(ApiScopes.AgentsRemote), "gpu-box");
        var theirs = new RemoteAgentClient(await Host.Factory.CreateOwnerClientAsync(ApiScopes.AgentsRemote), "gpu-box");
        await mine.RegisterAsync("mine");
        var taskId = await Owner.PostTaskAsync("Render a storyboard");

        var refused = new[]
        {
            await theirs.RegisterAsync("theirs"),
            await theirs.HeartbeatAsync(),
            await theirs.Http.GetAsync("/api/v1/agents/gpu-box/work", Ct),
            await theirs.BidAsync(taskId, 1),
            await theirs.DeclineAsync(taskId),
            await theirs.DeregisterAsync(),
        };

        foreach (var response in refused)
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        var agent = await Owner.GetJsonAsync("/api/v1/agents/gpu-box");
        Assert.Equal("mine", agent.GetProperty("name").GetString());
        Assert.Equal("idle", agent.GetProperty("status").GetString());
        Assert.DoesNotContain(await Host.Tasks.BidsAsync(taskId, Ct), b => b.AgentId == "gpu-box");
    }

    [Fact]
    public async Task SignedInDashboard_RemoteEndpoints_Return403SayingATokenIsNeeded()
    {
        var browser = await OwnerBrowserSession.SignInAsync(Host.Factory);

        var response = await browser.PostAsJsonAsync("/api/v1/agents", new { id = "gpu-box" }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("An API token is required", problem.GetProperty("title").GetString());
        Assert.Contains(ApiScopes.AgentsRemote, problem.GetProperty("detail").GetString());
        Assert.Null(await Host.Factory.Service<IAgentStore>().GetAsync("gpu-box", Ct));
    }

    [Theory]
    [InlineData("/api/v1/tasks")]
    [InlineData("/api/v1/personas")]
    [InlineData("/api/v1/swarm/summary")]
    public async Task Anonymous_Returns401(string path)
    {
        var response = await Host.Factory.CreateAnonymousClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
