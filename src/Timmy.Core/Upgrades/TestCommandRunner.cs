using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Timmy.Core.Upgrades;

/// <summary>Runs the configured build-and-test command at the root of a worktree and reads its verdict: passed is exit
/// code 0 within the time limit; the counts come from the last "N passed, N failed" line (this project's own CI line)
/// or the test platform's "succeeded: N" / "failed: N" summary, when the output has either.</summary>
public sealed partial class TestCommandRunner(IOptionsMonitor<UpgradesOptions> options)
{
    public const int OutputTailChars = 8_000;

    public async Task<TestRunResult> RunAsync(string worktree, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var outcome = await CommandRunner.ShellAsync(settings.TestCommand, worktree, settings.TestTimeout, cancellationToken);
        var (passed, failed) = Counts(outcome.Output);
        var tail = outcome.Output.Length > OutputTailChars ? outcome.Output[^OutputTailChars..] : outcome.Output;
        return new TestRunResult(outcome.Succeeded, outcome.ExitCode, passed, failed, (long)outcome.Duration.TotalMilliseconds,
            outcome.TimedOut, settings.TestCommand, tail);
    }

    internal static (int? Passed, int? Failed) Counts(string output)
    {
        var line = CiLine().Matches(output).LastOrDefault();
        if (line is not null)
        {
            return (int.Parse(line.Groups[1].Value), int.Parse(line.Groups[2].Value));
        }
        var succeeded = PlatformSucceeded().Matches(output).LastOrDefault();
        var failed = PlatformFailed().Matches(output).LastOrDefault();
        return succeeded is null ? (null, null) : (int.Parse(succeeded.Groups[1].Value), failed is null ? 0 : int.Parse(failed.Groups[1].Value));
    }

    [GeneratedRegex(@"(?<!\d)(\d{1,9}) passed, (\d{1,9}) failed")]
    private static partial Regex CiLine();

    [GeneratedRegex(@"^\s*succeeded:\s*(\d{1,9})\b", RegexOptions.Multiline)]
    private static partial Regex PlatformSucceeded();

    [GeneratedRegex(@"^\s*failed:\s*(\d{1,9})\b", RegexOptions.Multiline)]
    private static partial Regex PlatformFailed();
}
