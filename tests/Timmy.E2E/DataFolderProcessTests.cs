using System.Diagnostics;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>The data folder as the owner meets it from a terminal: the database is private to them, and a folder
/// Timmy cannot use is one clear line, not a stack trace.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_CreatesTheDatabaseReadableByTheOwnerOnly()
    {
        var dataDirectory = Path.Combine(Directory.CreateTempSubdirectory("timmy-data-").FullName, "fresh");
        try
        {
            var (exitCode, output) = await RunAsync("migrate", "--data-dir", dataDirectory);

            Assert.Equal(0, exitCode);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dataDirectory, "swarm.db")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dataDirectory));
            Assert.Contains("Applied", output);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("serve")]
    public async Task AFolderThatCannotBeUsed_IsOneClearLine_AndAFailingExitCode(string verb)
    {
        // A file where the folder should be: refused even to root, unlike a read-only folder.
        var blocker = Path.GetTempFileName();
        try
        {
            var (exitCode, output) = await RunAsync(verb, "--data-dir", Path.Combine(blocker, "data"), "--urls", "http://127.0.0.1:0");

            Assert.Equal(1, exitCode);
            Assert.Contains("cannot be used", output);
            Assert.Contains("--data-dir", output);
            Assert.DoesNotContain("   at ", output);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TimmyServer.FindWebOutput(), "timmy.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
