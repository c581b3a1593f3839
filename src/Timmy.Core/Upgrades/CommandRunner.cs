using System.Diagnostics;
using System.Text;

namespace Timmy.Core.Upgrades;

/// <summary>Runs a program to its end or its time limit, whichever comes first, with its output (stdout and stderr
/// interleaved as they arrive) captured up to a limit that keeps the newest part. On the time limit or cancellation the
/// whole process tree is killed.</summary>
public static class CommandRunner
{
    public sealed record Outcome(int? ExitCode, bool TimedOut, string Output, TimeSpan Duration)
    {
        public bool Succeeded => !TimedOut && ExitCode == 0;
    }

    private const int MaxCapturedChars = 512 * 1024;

    /// <summary>How long the output may still take to end once the process has exited (or been killed).</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(3);

    public static Task<Outcome> ShellAsync(string command, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync("/bin/sh", ["-c", command], workingDirectory, timeout, cancellationToken);

    public static async Task<Outcome> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The child runs code a model wrote: it gets what a build needs and nothing of the server's own (its secrets: the
        // approval PIN, the owner password, API keys and tokens; its port and data folder).
        foreach (var key in start.Environment.Keys.Where(k => !Inherited(k)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no build servers outliving the worktree
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outputEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += (_, e) => Append(output, e.Data, outputEnded);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data, errorEnded);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            // The process's own exit, not Process.WaitForExitAsync, which also waits for the end of the output: a child
            // the command left running in the background (a build server) can hold that open for as long as it lives.
            await exited.Task.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await exited.Task.WaitAsync(DrainGrace, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }
        // The rest of the output, for as long as nothing left behind keeps it open.
        await Task.WhenAll(outputEnded.Task, errorEnded.Task).WaitAsync(DrainGrace, CancellationToken.None)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!outputEnded.Task.IsCompleted || !errorEnded.Task.IsCompleted)
        {
            process.CancelOutputRead();
            process.CancelErrorRead();
        }
        int? exitCode = timedOut || !process.HasExited ? null : process.ExitCode;
        lock (output)
        {
            return new Outcome(exitCode, timedOut, output.ToString(), watch.Elapsed);
        }
    }

    private static void Append(StringBuilder output, string? line, TaskCompletionSource ended)
    {
        if (line is null)
        {
            ended.TrySetResult();
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
            if (output.Length > MaxCapturedChars)
            {
                output.Remove(0, output.Length - MaxCapturedChars / 2);
            }
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it exited meanwhile
        }
    }

    private static readonly string[] InheritedNames = ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "TZ", "TMPDIR", "TERM",
        "GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM"];

    private static readonly string[] InheritedPrefixes = ["LC_", "DOTNET_", "NUGET_", "MSBUILD"];

    private static bool Inherited(string key) =>
        InheritedNames.Contains(key, StringComparer.Ordinal) || InheritedPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
}
