using System.Diagnostics;
using Timmy.E2E.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.E2E;

/// <summary><c>timmy chat "…"</c> as the owner runs it in a terminal: a real process on a fresh data folder.</summary>
public sealed class ChatCommandProcessTests
{
    [Fact]
    public async Task ChatOnce_PrintsTheAnswer_AndNoStartupLogs()
    {
        await using var ollama = await FakeOllamaServer.StartNewAsync();
        var dataDirectory = Directory.CreateTempSubdirectory("timmy-cli-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(TimmyServer.FindWebOutput(), "timmy.dll"), "chat", "--data-dir", dataDirectory, "What is a sat?" })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["OLLAMA_URL"] = ollama.BaseUrl;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            var output = await stdout + await stderr;
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("timmy> hello from the fake", output);
            Assert.DoesNotContain("info:", output);
            Assert.DoesNotContain("Applied migration", output);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
