using System.Net;
using System.Text.Json;

namespace Timmy.Tests.Swarm;

/// <summary><c>/api/v1/agents</c> and <c>/api/v1/personas</c> for the owner: every agent's record from the database,
/// the persona catalogue with what is running, and spawning and stopping personas.</summary>
public sealed class AgentEndpointsTests : SwarmApiTests
{
    [Fact]
    public async Task ListAgents_AfterACompletedTask_ShowsTheWinnersRecord()
    {
        var done = await Host.SettledAsync(await Owner.PostTaskAsync("Debug the failing unit tests"));

        var agents = (await Owner.GetJsonAsync("/api/v1/agents")).EnumerateArray().ToList();

        Assert.Equal("timmy", agents[0].GetProperty("id").GetString());
        var forge = Agent(agents, "forge");
        var stats = forge.GetProperty("stats");
        Assert.Equal("persona", forge.GetProperty("kind").GetString());
        Assert.Equal("idle", forge.GetProperty("status").GetString());
        Assert.Equal(0, forge.GetProperty("active_tasks").GetInt32());
        Assert.Equal(1, stats.GetProperty("tasks_won").GetInt64());
        Assert.Equal(1, stats.GetProperty("tasks_completed").GetInt64());
        Assert.Equal(0, stats.GetProperty("tasks_failed").GetInt64());
        Assert.Equal(1.0, stats.GetProperty("success_rate").GetDouble());
        Assert.Equal(done.WinningBidSats, stats.GetProperty("sats_earned").GetInt64());
        Assert.Equal(JsonValueKind.Null, Agent(agents, "echo").GetProperty("stats").GetProperty("success_rate").ValueKind);
    }

    [Fact]
    public async Task GetAgent_Known_ReturnsIt_Unknown_Returns404()
    {
        var echo = await Owner.GetJsonAsync("/api/v1/agents/echo");
        var missing = await Owner.GetAsync("/api/v1/agents/nobody", Ct);

        Assert.Equal("Echo", echo.GetProperty("name").GetString());
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListPersonas_ShowsTimmyAndTheNine_WithTheirFiguresAndWhetherTheyRun()
    {
        var personas = (await Owner.GetJsonAsync("/api/v1/personas")).EnumerateArray().ToList();

        Assert.Equal(["timmy", "echo", "mace", "helm", "seer", "forge", "quill", "pixel", "lyra", "reel"],
            personas.Select(p => p.GetProperty("id").GetString()!));
        var echo = Persona(personas, "echo");
        Assert.Equal("running", echo.GetProperty("status").GetString());
        Assert.Equal(55, echo.GetProperty("bid_base_sats").GetInt64());
        Assert.Contains("research", echo.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(1.0, echo.GetProperty("learning").GetProperty("factor").GetDouble());
        Assert.Equal(0, echo.GetProperty("stats").GetProperty("tasks_won").GetInt64());
        Assert.Equal("stopped", Persona(personas, "mace").GetProperty("status").GetString());
        Assert.Equal("image_generation", Persona(personas, "pixel").GetProperty("required_tool").GetString());
    }

    [Fact]
    public async Task SpawnThenStop_Persona_ItJoinsAndLeavesTheAgentsOnline()
    {
        var spawned = await Owner.PostAsync("/api/v1/personas/mace/spawn", null, Ct);
        var onlineAfterSpawn = await OnlineAsync();
        var stopped = await Owner.PostAsync("/api/v1/personas/mace/stop", null, Ct);
        var onlineAfterStop = await OnlineAsync();

        Assert.Equal(HttpStatusCode.OK, spawned.StatusCode);
        Assert.Equal("running", (await spawned.BodyAsync()).GetProperty("status").GetString());
        Assert.Contains("mace", onlineAfterSpawn);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal("stopped", (await stopped.BodyAsync()).GetProperty("status").GetString());
        Assert.DoesNotContain("mace", onlineAfterStop);
        Assert.Equal("offline", (await Owner.GetJsonAsync("/api/v1/agents/mace")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StopTimmy_Returns409_AndTimmyStaysOnline()
    {
        var response = await Owner.PostAsync("/api/v1/personas/timmy/stop", null, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("timmy", await OnlineAsync());
    }

    [Theory]
    [InlineData("spawn")]
    [InlineData("stop")]
    public async Task PersonaAction_UnknownPersona_Returns404(string action)
    {
        var response = await Owner.PostAsync($"/api/v1/personas/zorro/{action}", null, Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("zorro", await OnlineAsync());
    }

    private async Task<List<string>> OnlineAsync() =>
        [.. (await Owner.GetJsonAsync("/api/v1/swarm/summary")).GetProperty("agents_online").EnumerateArray().Select(a => a.GetString()!)];

    private static JsonElement Agent(List<JsonElement> agents, string id) => agents.Single(a => a.GetProperty("id").GetString() == id);

    private static JsonElement Persona(List<JsonElement> personas, string id) => Agent(personas, id);
}
