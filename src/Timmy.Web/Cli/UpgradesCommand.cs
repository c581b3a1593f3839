using System.Globalization;
using System.Text;
using Timmy.Core.Upgrades;
using Timmy.Web.Api.Upgrades;

namespace Timmy.Web.Cli;

/// <summary>
/// <c>timmy upgrades …</c>: the running server's upgrade queue over its API. <c>list [--status S]</c> prints the
/// upgrades, newest first; <c>show &lt;id&gt;</c> one with its tests and diff preview; <c>approve &lt;id&gt;</c> shows
/// it, then approves it with the owner password or approval PIN (typed without echo, or read from the variable named by
/// <c>--second-factor-env</c>, or from <c>TIMMY_APPROVAL_PIN</c>), bound to the diff it showed; <c>reject &lt;id&gt;
/// [--reason R]</c>. Errors and exit codes as the other server verbs (<see cref="ServerVerb"/>).
/// </summary>
public sealed class UpgradesCommand(HttpClient http, TextReader input, TextWriter output, TextWriter error, Func<string, string?> environment)
{
    public const string Usage = """
        Usage: timmy upgrades list [--status S[,S…]] [--limit N]
               timmy upgrades show <id>
               timmy upgrades approve <id> [--second-factor-env VAR]
               timmy upgrades reject <id> [--reason "why"]
        approve asks for the owner password or approval PIN (without echo), or reads it from the variable VAR names, or
        from TIMMY_APPROVAL_PIN. The server is --url or TIMMY_URL (default http://127.0.0.1:8000); the token is
        TIMMY_TOKEN (upgrades:read; approve and reject: upgrades:approve).
        """;

    private static readonly HashSet<string> Valued = ["--url", "--status", "--limit", "--second-factor-env", "--reason"];
    private static readonly HashSet<string> Flags = [];

    /// <summary>Reads the second factor when neither option nor variable gives it; by default a line of the input
    /// (the console reads it without echo: <see cref="RunFromConsoleAsync"/>).</summary>
    public Func<CancellationToken, Task<string?>> ReadSecret { get; init; } = ct => input.ReadLineAsync(ct).AsTask();

    public static Task<int> RunFromConsoleAsync(IReadOnlyList<string> arguments, Func<string, string?> environment) =>
        ServerVerb.RunFromConsoleAsync(arguments, Valued, Flags, environment, (http, ct) =>
            new UpgradesCommand(http, Console.In, Console.Out, Console.Error, environment)
            {
                ReadSecret = Console.IsInputRedirected ? ct => Console.In.ReadLineAsync(ct).AsTask() : ReadHiddenAsync,
            }.RunAsync(arguments, ct));

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (options, problem) = CliOptions.Parse(arguments, Valued, Flags);
        if (options is null)
        {
            return await ServerVerb.MisuseAsync(error, problem!);
        }
        var api = new UpgradesApiClient(http);
        return await ServerVerb.GuardAsync(http, error, "Stopped.", async () => options.Words switch
        {
            ["list"] => await ListAsync(api, options, cancellationToken),
            ["show", var id] => await ShowAsync(api, id, cancellationToken),
            ["approve", var id] => await ApproveAsync(api, id, options, cancellationToken),
            ["reject", var id] => await RejectAsync(api, id, options.Value("--reason"), cancellationToken),
            _ => await ServerVerb.MisuseAsync(error, Usage),
        }, cancellationToken);
    }

    private async Task<int> ListAsync(UpgradesApiClient api, CliOptions options, CancellationToken cancellationToken)
    {
        int? limit = null;
        if (options.Value("--limit") is { } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l < 1)
            {
                return await ServerVerb.MisuseAsync(error, $"--limit must be a whole number, 1 or more (got '{limitText}').");
            }
            limit = l;
        }
        var page = await api.ListAsync(options.All("--status"), limit, cancellationToken);
        if (page.Items.Count == 0)
        {
            await output.WriteLineAsync("No upgrades.");
            return 0;
        }
        foreach (var u in page.Items)
        {
            await output.WriteLineAsync(Invariant(
                $"{u.Id}  {u.Status,-11}  +{u.LinesAdded}/-{u.LinesRemoved}  {Tests(u),-18}  {u.ProposedAt:yyyy-MM-dd HH:mm}  {FirstLine(u.Description)}"));
        }
        return 0;
    }

    private async Task<int> ShowAsync(UpgradesApiClient api, string id, CancellationToken cancellationToken)
    {
        var upgrade = await api.GetAsync(id, cancellationToken);
        await DescribeAsync(upgrade);
        await output.WriteLineAsync();
        await output.WriteLineAsync(upgrade.DiffPreview);
        return 0;
    }

    private async Task<int> ApproveAsync(UpgradesApiClient api, string id, CliOptions options, CancellationToken cancellationToken)
    {
        string? secret;
        if (options.Value("--second-factor-env") is { } variable)
        {
            secret = environment(variable);
            if (string.IsNullOrEmpty(secret))
            {
                return await ServerVerb.MisuseAsync(error, $"--second-factor-env names {variable}, which is not set.");
            }
        }
        else
        {
            secret = environment(UpgradesOptions.ApprovalPinVariable);
        }
        var upgrade = await api.GetAsync(id, cancellationToken);
        await DescribeAsync(upgrade);
        if (upgrade.Status != UpgradeStatus.Proposed)
        {
            return await ServerVerb.MisuseAsync(error, $"Upgrade {upgrade.Id} is {upgrade.Status.Replace('_', ' ')}; only a proposed upgrade can be approved.");
        }
        if (string.IsNullOrEmpty(secret))
        {
            await error.WriteAsync("Owner password or approval PIN (empty to stop): ");
            secret = (await ReadSecret(cancellationToken))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(secret))
            {
                await output.WriteLineAsync("Not approved.");
                return ServerVerb.FailedExitCode;
            }
        }
        var approved = await api.ApproveAsync(upgrade.Id, secret, upgrade.DiffSha256, cancellationToken);
        await output.WriteLineAsync($"Approved upgrade {approved.Id}; it is applied to {approved.TargetBranch} in the background " +
            $"(see `timmy upgrades show {approved.Id}`).");
        return 0;
    }

    private async Task<int> RejectAsync(UpgradesApiClient api, string id, string? reason, CancellationToken cancellationToken)
    {
        var rejected = await api.RejectAsync(id, reason, cancellationToken);
        await output.WriteLineAsync($"Rejected upgrade {rejected.Id}; its branch {rejected.BranchName} is deleted.");
        return 0;
    }

    private async Task DescribeAsync(UpgradeDto u)
    {
        await output.WriteLineAsync($"Upgrade      {u.Id} ({u.Status.Replace('_', ' ')})");
        await output.WriteLineAsync($"Instruction  {FirstLine(u.Instruction)}");
        await output.WriteLineAsync($"Description  {FirstLine(u.Description)}");
        await output.WriteLineAsync($"Branch       {u.BranchName} → {u.TargetBranch} (base {Short(u.BaseCommit)}, head {Short(u.BranchCommit)})");
        await output.WriteLineAsync(Invariant($"Files        {u.FilesChanged.Count}: {string.Join(", ", u.FilesChanged)}"));
        await output.WriteLineAsync(Invariant($"Lines        +{u.LinesAdded} -{u.LinesRemoved}"));
        await output.WriteLineAsync($"Tests        {Tests(u)}");
        await output.WriteLineAsync($"Diff SHA-256 {u.DiffSha256}");
        if (u.ErrorMessage is { } message)
        {
            await output.WriteLineAsync($"Note         {message}");
        }
    }

    private static string Tests(UpgradeDto u) => u.TestResults is { } t ? (t.Passed ? "passed" : "FAILED") + $" ({t.Summary})" : "not run";

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 80 ? line : line[..79] + "…";
    }

    private static string Short(string commit) => commit.Length > 10 ? commit[..10] : commit;

    /// <summary>A line typed at the console without echo; Ctrl+C stops it.</summary>
    private static async Task<string?> ReadHiddenAsync(CancellationToken cancellationToken)
    {
        var typed = new StringBuilder();
        while (true)
        {
            while (!Console.KeyAvailable)
            {
                await Task.Delay(20, cancellationToken);
            }
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        await Console.Error.WriteLineAsync();
        return typed.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
