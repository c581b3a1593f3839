using Timmy.Core.Security;
using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Api;
using Timmy.Web.Cli;

namespace Timmy.Tests.Cli;

/// <summary><c>timmy upgrades …</c> and <c>timmy self-modify</c> as clients of a running server (the in-process host's
/// API over an injected HttpClient): what they print, where approve takes its second factor from, and their exit codes.</summary>
public sealed class UpgradesCommandTests : IAsyncLifetime
{
    private const string Variable = "MY_APPROVAL_SECRET";

    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly UpgradeTestHost _host = new();
    private readonly Dictionary<string, string?> _environment = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task List_PrintsTheUpgrades_NewestFirst_AndFiltersByStatus()
    {
        var first = await _host.ProposeAsync();
        var second = await _host.ProposeAsync("src/extra.sh", "echo extra\n");

        var all = await RunAsync("", "upgrades", "list");
        var lines = Lines();
        var none = await RunAsync("", "upgrades", "list", "--status", "applied");
        var bad = await RunAsync("", "upgrades", "list", "--status", "merged");

        Assert.Equal((0, 0, ServerVerb.UsageExitCode), (all, none, bad));
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(second.Id + "  proposed", lines[0]);
        Assert.StartsWith(first.Id + "  proposed", lines[1]);
        Assert.Contains("+1/-0  passed (2 passed, 0 failed)", lines[0]);
        Assert.EndsWith("No upgrades.", _output.ToString().Trim());
        Assert.Contains("status: 'status' must be one of", _error.ToString());
    }

    [Fact]
    public async Task Show_PrintsTheUpgrade_AndItsDiffPreview()
    {
        var upgrade = await _host.ProposeAsync("src/extra.sh", "echo extra\n");

        var exit = await RunAsync("", "upgrades", "show", upgrade.Id);

        Assert.Equal(0, exit);
        var text = _output.ToString();
        Assert.Contains($"Upgrade      {upgrade.Id} (proposed)", text);
        Assert.Contains("Files        1: src/extra.sh", text);
        Assert.Contains($"Diff SHA-256 {upgrade.DiffSha256}", text);
        Assert.Contains("+echo extra", text);
    }

    [Fact]
    public async Task Approve_AsksForTheSecondFactor_AndTheUpgradeIsApplied()
    {
        var upgrade = await _host.ProposeAsync("docs/notes.md", "# Notes\n\nApproved from the terminal.\n");

        var exit = await RunAsync(UpgradeTestHost.Pin + "\n", "upgrades", "approve", upgrade.Id);

        Assert.True(exit == 0, _error.ToString());
        Assert.Contains("Owner password or approval PIN", _error.ToString());
        Assert.DoesNotContain(UpgradeTestHost.Pin, _output.ToString() + _error.ToString());
        Assert.Contains($"Approved upgrade {upgrade.Id}", _output.ToString());
        var owner = await _host.Factory.CreateOwnerClientAsync(ApiScopes.UpgradesRead);
        await _host.WaitForStatusAsync(owner, upgrade.Id, UpgradeStatus.Applied);
    }

    [Fact]
    public async Task Approve_ReadsTheSecondFactor_FromTheNamedVariable_OrTheApprovalPinVariable()
    {
        var first = await _host.ProposeAsync();
        var second = await _host.ProposeAsync("src/extra.sh", "echo extra\n");
        _environment[Variable] = UpgradeTestHost.Pin;
        _environment[UpgradesOptions.ApprovalPinVariable] = UpgradeTestHost.Pin;

        var named = await RunAsync("", "upgrades", "approve", first.Id, "--second-factor-env", Variable);
        var pin = await RunAsync("", "upgrades", "approve", second.Id);

        Assert.True((named, pin) == (0, 0), _error.ToString());
        Assert.DoesNotContain("Owner password or approval PIN", _error.ToString());
        Assert.Contains($"Approved upgrade {first.Id}", _output.ToString());
        Assert.Contains($"Approved upgrade {second.Id}", _output.ToString());
    }

    [Fact]
    public async Task Approve_WithAWrongSecondFactor_OrNone_OrAnUnsetVariable_ApprovesNothing()
    {
        var upgrade = await _host.ProposeAsync();

        var wrong = await RunAsync("1111\n", "upgrades", "approve", upgrade.Id);
        var empty = await RunAsync("\n", "upgrades", "approve", upgrade.Id);
        var unset = await RunAsync("", "upgrades", "approve", upgrade.Id, "--second-factor-env", Variable);
        var unknown = await RunAsync(UpgradeTestHost.Pin + "\n", "upgrades", "approve", "01NOSUCHUPGRADE");

        Assert.Equal([ServerVerb.FailedExitCode, ServerVerb.FailedExitCode, ServerVerb.UsageExitCode, ServerVerb.FailedExitCode], [wrong, empty, unset, unknown]);
        var errors = _error.ToString();
        Assert.Contains("The server refused (403): Second factor needed", errors);
        Assert.Contains($"--second-factor-env names {Variable}, which is not set.", errors);
        Assert.Contains("The server refused (404): No such upgrade", errors);
        Assert.Contains("Not approved.", _output.ToString());
        Assert.Equal(UpgradeStatus.Proposed, (await _host.Factory.Service<UpgradeService>().GetAsync(upgrade.Id, Ct)).Status);
    }

    [Fact]
    public async Task A_ReadOnlyToken_CannotApprove()
    {
        var upgrade = await _host.ProposeAsync();

        var exit = await RunAsync(await _host.Factory.CreateOwnerClientAsync(ApiScopes.UpgradesRead), UpgradeTestHost.Pin + "\n", "upgrades", "approve", upgrade.Id);

        Assert.Equal(ServerVerb.FailedExitCode, exit);
        Assert.Contains(ApiScopes.UpgradesApprove, _error.ToString());
        Assert.Equal(UpgradeStatus.Proposed, (await _host.Factory.Service<UpgradeService>().GetAsync(upgrade.Id, Ct)).Status);
    }

    [Fact]
    public async Task Reject_WithAReason_DeletesTheBranch()
    {
        var upgrade = await _host.ProposeAsync();

        var exit = await RunAsync("", "upgrades", "reject", upgrade.Id, "--reason", "Not this way.");

        Assert.Equal(0, exit);
        Assert.Contains($"Rejected upgrade {upgrade.Id}", _output.ToString());
        Assert.False(_host.Repo.HasBranch(upgrade.BranchName));
        var rejected = await _host.Factory.Service<UpgradeService>().GetAsync(upgrade.Id, Ct);
        Assert.Equal((UpgradeStatus.Rejected, "Not this way."), (rejected.Status, rejected.ErrorMessage));
    }

    [Fact]
    public async Task SelfModify_WhileTheLoopIsOff_SaysSo_AndWithoutAnInstruction_ShowsItsUsage()
    {
        var off = await RunAsync("", "self-modify", "Add a subtract function", "--file", "src/calc.sh");
        var nothing = await RunAsync("", "self-modify", "--dry-run");

        Assert.Equal((ServerVerb.FailedExitCode, ServerVerb.UsageExitCode), (off, nothing));
        Assert.Contains("The server refused (503): Self-modify is off", _error.ToString());
        Assert.Contains("Usage: timmy self-modify", _error.ToString());
    }

    [Fact]
    public async Task Garbage_IsAUsageError()
    {
        var words = await RunAsync("", "upgrades", "merge", "x");
        var option = await RunAsync("", "upgrades", "list", "--colour", "red");
        var limit = await RunAsync("", "upgrades", "list", "--limit", "many");

        Assert.Equal([ServerVerb.UsageExitCode, ServerVerb.UsageExitCode, ServerVerb.UsageExitCode], [words, option, limit]);
        Assert.Contains("Usage: timmy upgrades list", _error.ToString());
        Assert.Contains("Unknown option '--colour'.", _error.ToString());
    }

    private string[] Lines() => _output.ToString().Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private async Task<int> RunAsync(string input, params string[] arguments) =>
        await RunAsync(await _host.Factory.CreateOwnerClientAsync(ApiScopes.UpgradesRead, ApiScopes.UpgradesApprove), input, arguments);

    private Task<int> RunAsync(HttpClient http, string input, params string[] arguments) => arguments[0] switch
    {
        TimmyCommandLine.UpgradesVerb => new UpgradesCommand(http, new StringReader(input), _output, _error, name => _environment.GetValueOrDefault(name))
            .RunAsync(arguments[1..], Ct),
        TimmyCommandLine.SelfModifyVerb => new SelfModifyCommand(http, _output, _error) { PollInterval = TimeSpan.FromMilliseconds(20) }.RunAsync(arguments[1..], Ct),
        _ => throw new ArgumentException("not an upgrade verb: " + arguments[0]),
    };
}
