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
        // The child must not inherit the server's own configuration by accident (its port, its data folder).
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Timmy__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(e.Data);
                if (output.Length > MaxCapturedChars)
                {
                    output.Remove(0, output.Length - MaxCapturedChars / 2);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }
        process.WaitForExit(); // drains the redirected streams
        lock (output)
        {
            return new Outcome(timedOut ? null : process.ExitCode, timedOut, output.ToString(), watch.Elapsed);
        }
    }
}
