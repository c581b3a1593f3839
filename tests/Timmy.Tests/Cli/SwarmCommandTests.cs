using System.Net.Http.Headers;
using Timmy.Core.Security;
using Timmy.Tests.Router.Fakes;
using Timmy.Tests.Swarm;
using Timmy.Web.Cli;

namespace Timmy.Tests.Cli;

/// <summary><c>timmy task …</c> and <c>timmy agents</c> as clients of a running server (the in-process host's API over
/// an injected HttpClient): what they print, and their exit codes.</summary>
public sealed class SwarmCommandTests : IAsyncLifetime
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private SwarmWebHost _host = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SwarmWebHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TaskPostWait_Completed_PrintsTheResultAndWhoDidIt_Exit0()
    {
        _host.Inner.Ollama.Default = FakeReply.Answer("# Fixed\nThe **parser** works.");

        var exit = await RunAsync("task", "post", "Debug the failing parser tests", "--wait");

        Assert.Equal(0, exit);
        Assert.Equal("# Fixed\nThe **parser** works.", _output.ToString().TrimEnd());
        Assert.Contains("forge for", _error.ToString());
    }

    [Fact]
    public async Task TaskPostWait_TaskFails_PrintsTheError_Exit1()
    {
        var exit = await RunAsync("task", "post", "--max-bid", "1", "--wait", "Write anything");

        Assert.Equal(SwarmCommand.FailedExitCode, exit);
        Assert.Contains("failed: no bids", _error.ToString());
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task TaskPost_WithoutWait_PrintsTheIdAndStatus_AndTheTaskIsStored()
    {
        var exit = await RunAsync("task", "post", "--max-bid=300", "Summarize", "the research");

        Assert.Equal(0, exit);
        var task = Assert.Single((await _host.Tasks.ListAsync(new Core.Swarm.Tasks.TaskQuery(), Ct)).Items);
        Assert.Equal("Summarize the research", task.Description);
        Assert.Equal(300, task.MaxBidSats);
        Assert.StartsWith($"Task {task.Id} posted:", _output.ToString());
    }

    [Theory]
    [InlineData("task", "post")]
    [InlineData("task", "post", "x", "--max-bid", "12.5")]
    [InlineData("task", "post", "x", "--max-bid")]
    [InlineData("task", "post", "x", "--frobnicate")]
    [InlineData("task", "remove", "x")]
    [InlineData("agents", "extra")]
    public async Task Misuse_Exit2_AndPostsNothing(params string[] arguments)
    {
        var exit = await RunAsync(arguments);

        Assert.Equal(SwarmCommand.UsageExitCode, exit);
        Assert.NotEmpty(_error.ToString().Trim());
        Assert.Equal(0, await _host.Tasks.TaskCountAsync());
    }

    [Fact]
    public async Task TaskPost_DescriptionTheServerRefuses_Exit2NamingTheField()
    {
        var exit = await RunAsync("task", "post", new string('a', 8_001));

        Assert.Equal(SwarmCommand.UsageExitCode, exit);
        Assert.StartsWith("Refused: description:", _error.ToString());
    }

    [Fact]
    public async Task TaskList_ShowsTheTasks_FilteredByStatus()
    {
        await _host.FinishedAsync((await _host.Coordinator.PostAsync(new("Debug the importer"), "owner", "owner", Ct)).Id);
        await _host.FinishedAsync((await _host.Coordinator.PostAsync(new("Write anything", 1), "owner", "owner", Ct)).Id);

        var exit = await RunAsync("task", "list", "--status", "failed");

        Assert.Equal(0, exit);
        var lines = _output.ToString().Trim().Split('\n');
        Assert.StartsWith("ID", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains("failed", row);
        Assert.Contains("Write anything", row);
    }

    [Fact]
    public async Task TaskList_UnknownStatus_Exit2NamingIt()
    {
        var exit = await RunAsync("task", "list", "--status", "done");

        Assert.Equal(SwarmCommand.UsageExitCode, exit);
        Assert.Contains("status:", _error.ToString());
    }

    [Fact]
    public async Task Agents_ListsEveryAgentWithItsRecord()
    {
        var done = await _host.SettledAsync((await _host.Coordinator.PostAsync(new("Debug the importer"), "owner", "owner", Ct)).Id);

        var exit = await RunAsync("agents");

        Assert.Equal(0, exit);
        var lines = _output.ToString().Trim().Split('\n');
        Assert.Equal(["ID", "timmy"], lines.Take(2).Select(l => l.Split(' ')[0]));
        var forge = lines.Single(l => l.StartsWith("forge ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["forge", "persona", "idle", "1", "1", "0", "100%", done.WinningBidSats.ToString(), "0"], forge);
    }

    [Fact]
    public async Task ReadOnlyToken_Posting_Exit1NamingTheScopeNeeded()
    {
        var exit = await RunAsync(await ClientAsync(ApiScopes.SwarmRead), "task", "post", "Write a poem");

        Assert.Equal(SwarmCommand.FailedExitCode, exit);
        Assert.Contains(ApiScopes.SwarmWrite, _error.ToString());
        Assert.Equal(0, await _host.Tasks.TaskCountAsync());
    }

    [Fact]
    public async Task UnknownToken_Exit1SayingTheTokenWasRefused()
    {
        var http = _host.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "tt_not-a-real-token");

        var exit = await RunAsync(http, "agents");

        Assert.Equal(SwarmCommand.FailedExitCode, exit);
        Assert.Contains("refused the token (401)", _error.ToString());
    }

    [Fact]
    public async Task UnreachableServer_Exit1WithOneLine()
    {
        using var http = new ServerConnection(new Uri("http://127.0.0.1:9/"), "tt_x").CreateClient();

        var exit = await RunAsync(http, "task", "list");

        Assert.Equal(SwarmCommand.FailedExitCode, exit);
        var line = Assert.Single(_error.ToString().Trim().Split('\n'));
        Assert.StartsWith("Cannot reach the Timmy server at http://127.0.0.1:9/", line);
    }

    private async Task<HttpClient> ClientAsync(params string[] scopes) => await _host.Factory.CreateOwnerClientAsync(scopes);

    private async Task<int> RunAsync(params string[] arguments) =>
        await RunAsync(await ClientAsync(ApiScopes.SwarmRead, ApiScopes.SwarmWrite), arguments);

    private Task<int> RunAsync(HttpClient http, params string[] arguments) =>
        new SwarmCommand(http, _output, _error, TimeProvider.System).RunAsync(arguments[0], arguments[1..], Ct);
}
