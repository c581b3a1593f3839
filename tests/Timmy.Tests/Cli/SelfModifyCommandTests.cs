using System.Net;
using System.Text;
using System.Text.Json;
using Timmy.Web.Cli;

namespace Timmy.Tests.Cli;

/// <summary><c>timmy self-modify</c> following a run, against a server that answers with a scripted run as it goes
/// (the loop's own behaviour is tested with the loop): it prints each step once, then the proposal, a dry run's diff,
/// or the error.</summary>
public sealed class SelfModifyCommandTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Follows_TheRun_PrintingEachStepOnce_ThenTheProposal()
    {
        var server = new ScriptedRuns(
            Run("running", ["reading src/calc.sh"]),
            Run("running", ["reading src/calc.sh", "asking the model"]),
            Run("running", ["reading src/calc.sh", "asking the model"]),
            Run("proposed", ["reading src/calc.sh", "asking the model", "tests: 2 passed, 0 failed"], upgradeId: "01UPGRADE"));

        var exit = await RunAsync(server, "Add a subtract function", "--file", "src/calc.sh", "--file", "tests/run.sh");

        Assert.Equal(0, exit);
        var text = _output.ToString();
        Assert.Equal(1, Count(text, "reading src/calc.sh"));
        Assert.Equal(1, Count(text, "asking the model"));
        Assert.Contains("tests: 2 passed, 0 failed", text);
        Assert.Contains("Proposed upgrade 01UPGRADE.", text);
        Assert.Contains("timmy upgrades approve 01UPGRADE", text);
        using var posted = JsonDocument.Parse(server.Posted!);
        Assert.Equal("Add a subtract function", posted.RootElement.GetProperty("instruction").GetString());
        Assert.Equal(["src/calc.sh", "tests/run.sh"], posted.RootElement.GetProperty("target_files").EnumerateArray().Select(f => f.GetString()));
        Assert.False(posted.RootElement.GetProperty("dry_run").GetBoolean());
    }

    [Fact]
    public async Task A_DryRun_PrintsItsDiff_AndAFailedRun_ExitsOne()
    {
        var dry = await RunAsync(new ScriptedRuns(Run("dry_run", ["asking the model"], diff: "+sub() { echo $(($1 - $2)); }")), "Add sub", "--dry-run");
        var failed = await RunAsync(new ScriptedRuns(Run("running", []), Run("failed", ["asking the model"], error: "the model's answer was not a change")), "Break it");

        Assert.Equal((0, ServerVerb.FailedExitCode), (dry, failed));
        Assert.Contains("+sub() { echo $(($1 - $2)); }", _output.ToString());
        Assert.Contains("The run failed: the model's answer was not a change", _error.ToString());
    }

    [Fact]
    public async Task NoWait_ReturnsOnceStarted()
    {
        var server = new ScriptedRuns(Run("running", []), Run("proposed", [], upgradeId: "01UPGRADE"));

        var exit = await RunAsync(server, "Add sub", "--no-wait");

        Assert.Equal(0, exit);
        Assert.Contains("Follow it at /api/v1/self-modify/runs/01RUN.", _output.ToString());
        Assert.Equal(0, server.Polls);
    }

    private async Task<int> RunAsync(ScriptedRuns server, params string[] arguments)
    {
        using var http = new HttpClient(server) { BaseAddress = new Uri("http://timmy.test/") };
        return await new SelfModifyCommand(http, _output, _error) { PollInterval = TimeSpan.FromMilliseconds(1) }.RunAsync(arguments, Ct);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    private static string Run(string status, string[] steps, string? upgradeId = null, string? diff = null, string? error = null) =>
        JsonSerializer.Serialize(new
        {
            id = "01RUN", instruction = "x", dry_run = diff is not null, status, finished = status != "running",
            started_at = DateTimeOffset.UnixEpoch, finished_at = (DateTimeOffset?)null, steps, files = Array.Empty<string>(), attempts = 1,
            upgrade_id = upgradeId, diff, error,
        });

    /// <summary>Answers the start with the first run and each poll of <c>runs/01RUN</c> with the next (the last repeats).</summary>
    private sealed class ScriptedRuns(params string[] runs) : HttpMessageHandler
    {
        private int _next;

        public string? Posted { get; private set; }

        public int Polls { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post)
            {
                Posted = await request.Content!.ReadAsStringAsync(cancellationToken);
                return Answer(HttpStatusCode.Accepted, runs[0]);
            }
            Assert.Equal("/api/v1/self-modify/runs/01RUN", request.RequestUri!.AbsolutePath);
            Polls++;
            _next = Math.Min(_next + 1, runs.Length - 1);
            return Answer(HttpStatusCode.OK, runs[_next]);
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, string json) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
