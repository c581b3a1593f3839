using Timmy.Core.SelfModify;
using Timmy.Web.Api.Upgrades;

namespace Timmy.Web.Cli;

/// <summary>
/// <c>timmy self-modify "instruction" [--file PATH]... [--dry-run] [--no-wait]</c>: asks the running server's
/// self-modify loop for a change, then follows the run, printing each step as it comes, until it ends with a proposal
/// (its id and how to review it), a dry run's diff, or an error (exit code 1). <c>--no-wait</c> prints the run's id and
/// returns at once.
/// </summary>
public sealed class SelfModifyCommand(HttpClient http, TextWriter output, TextWriter error)
{
    public const string Usage = """
        Usage: timmy self-modify "instruction" [--file PATH]... [--dry-run] [--no-wait]
        --file names a file to change (repeatable); --dry-run shows the change without a branch, tests or proposal;
        --no-wait returns once the run has started. The server is --url or TIMMY_URL (default http://127.0.0.1:8000);
        the token is TIMMY_TOKEN (upgrades:read, upgrades:approve).
        """;

    private static readonly HashSet<string> Valued = ["--url", "--file"];
    private static readonly HashSet<string> Flags = ["--dry-run", "--no-wait"];

    /// <summary>How often a followed run is asked for its progress.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public static Task<int> RunFromConsoleAsync(IReadOnlyList<string> arguments, Func<string, string?> environment) =>
        ServerVerb.RunFromConsoleAsync(arguments, Valued, Flags, environment,
            (http, ct) => new SelfModifyCommand(http, Console.Out, Console.Error).RunAsync(arguments, ct));

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (options, problem) = CliOptions.Parse(arguments, Valued, Flags);
        if (options is null)
        {
            return await ServerVerb.MisuseAsync(error, problem!);
        }
        var instruction = string.Join(" ", options.Words).Trim();
        if (instruction.Length == 0)
        {
            return await ServerVerb.MisuseAsync(error, Usage);
        }
        var api = new UpgradesApiClient(http);
        return await ServerVerb.GuardAsync(http, error, "Stopped following the run; it goes on in the server.", async () =>
        {
            var run = await api.StartRunAsync(instruction, options.All("--file"), options.Has("--dry-run"), cancellationToken);
            await output.WriteLineAsync($"Run {run.Id} started{(run.DryRun ? " (dry run)" : "")}.");
            if (options.Has("--no-wait"))
            {
                await output.WriteLineAsync($"Follow it at {UpgradeEndpoints.RunAddress(run.Id)}.");
                return 0;
            }
            return await FollowAsync(api, run, cancellationToken);
        }, cancellationToken);
    }

    private async Task<int> FollowAsync(UpgradesApiClient api, SelfModifyRunDto run, CancellationToken cancellationToken)
    {
        var printed = 0;
        while (true)
        {
            foreach (var step in run.Steps.Skip(printed))
            {
                await output.WriteLineAsync("  " + step);
            }
            printed = Math.Max(printed, run.Steps.Count);
            if (run.Finished)
            {
                break;
            }
            await Task.Delay(PollInterval, cancellationToken);
            run = await api.GetRunAsync(run.Id, cancellationToken);
        }
        switch (run.Status)
        {
            case SelfModifyRunStatus.Proposed when run.UpgradeId is { } id:
                await output.WriteLineAsync($"Proposed upgrade {id}.");
                await output.WriteLineAsync($"Review it with `timmy upgrades show {id}`, then `timmy upgrades approve {id}` or `timmy upgrades reject {id}`.");
                return 0;
            case SelfModifyRunStatus.DryRun:
                await output.WriteLineAsync(run.Diff ?? "(no change)");
                return 0;
            default:
                await error.WriteLineAsync($"The run failed: {run.Error ?? run.Status}");
                return ServerVerb.FailedExitCode;
        }
    }
}
