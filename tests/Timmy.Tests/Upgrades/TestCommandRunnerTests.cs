using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>The test command's verdict: its exit code within the time limit, and the counts its output printed.</summary>
public sealed class TestCommandRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("timmy-run-").FullName;
    private readonly UpgradesOptions _options = new() { TestTimeout = TimeSpan.FromMinutes(1) };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ran\n12 passed, 0 failed\n", 12, 0)]
    [InlineData("3 passed, 1 failed\nretry\n7 passed, 2 failed\n", 7, 2)]
    [InlineData("Test run summary: Passed!\n  total: 40\n  failed: 0\n  succeeded: 40\n  skipped: 0\n", 40, 0)]
    [InlineData("  total: 40\n  failed: 3\n  succeeded: 37\n", 37, 3)]
    [InlineData("  succeeded: 5\n", 5, 0)]
    public void Counts_AreRead_FromTheLastSummary(string output, int passed, int failed) =>
        Assert.Equal(((int?)passed, (int?)failed), TestCommandRunner.Counts(output));

    [Theory]
    [InlineData("")]
    [InlineData("all good\n")]
    [InlineData("failed: 2\n")]
    [InlineData("99999999999 passed, 0 failed\n")]
    [InlineData("  succeeded: 99999999999\n")]
    public void Without_ASummary_ThereAreNoCounts(string output) =>
        Assert.Equal(((int?)null, (int?)null), TestCommandRunner.Counts(output));

    [Fact]
    public async Task A_Passing_Command_Passes_WithItsCounts()
    {
        _options.TestCommand = "echo '4 passed, 0 failed'";

        var result = await Run();

        Assert.True(result.Passed);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, result.TestsPassed);
        Assert.Equal("4 passed, 0 failed", result.Summary);
        Assert.Contains("4 passed", result.OutputTail);
    }

    [Fact]
    public async Task A_NonZero_Exit_Fails_EvenWhenItPrintsNoFailures()
    {
        _options.TestCommand = "echo 'build error' >&2; exit 3";

        var result = await Run();

        Assert.False(result.Passed);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("exit code 3", result.Summary);
        Assert.Contains("build error", result.OutputTail);
    }

    [Fact]
    public async Task The_Fixture_Suite_Passes_AtTheRepositoryRoot()
    {
        using var repo = TempGitRepository.Create();
        _options.TestCommand = TempGitRepository.TestCommand;

        var result = await new TestCommandRunner(new FixedOptionsMonitor<UpgradesOptions>(_options)).RunAsync(repo.Path, Ct);

        Assert.True(result.Passed);
        Assert.Equal("2 passed, 0 failed", result.Summary);
    }

    [Fact]
    public async Task A_Command_PastItsTimeLimit_IsKilled_AndReportsTimedOut()
    {
        _options.TestTimeout = TimeSpan.FromSeconds(1);
        var marker = Path.Combine(_folder, "finished");
        _options.TestCommand = $"echo started; sleep 20; touch '{marker}'";
        var result = await Run();

        Assert.True(result.TimedOut);
        Assert.False(result.Passed);
        Assert.Null(result.ExitCode);
        Assert.StartsWith("timed out after", result.Summary);
        Assert.Contains("started", result.OutputTail);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_Command_ThatLeavesAChildRunning_IsJudged_WhenItExits()
    {
        // as a build leaves its build servers: they keep the output open long after the command ended (were the runner to
        // wait for them, the 20 s limit would pass first and the result would say timed out)
        _options.TestTimeout = TimeSpan.FromSeconds(20);
        _options.TestCommand = "sleep 30 & echo '3 passed, 0 failed'";

        var result = await Run();

        Assert.True(result.Passed);
        Assert.False(result.TimedOut);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.TestsPassed);
    }

    private Task<TestRunResult> Run() => new TestCommandRunner(new FixedOptionsMonitor<UpgradesOptions>(_options)).RunAsync(_folder, Ct);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
